import { createContext, useContext, type ReactNode } from 'react';
import type { Services } from '../services/types.js';

const ServicesContext = createContext<Services | undefined>(undefined);

/** Everything outside the screens arrives through this one context. */
export function ServicesProvider({ value, children }: { value: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() needs a <ServicesProvider>');
  return services;
}
