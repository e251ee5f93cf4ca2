import { useEffect, useState } from 'react';
import { commandValues, type CommandValues } from '../../lessons/placeholders.js';
import { useServices } from '../contexts/services.js';
import { useTutor } from '../contexts/tutor.js';

/**
 * The values of the lessons' placeholders for this build: ids from the ledger,
 * names from the config, and the region's zones (asked when the page opens)
 * for the third-AZ exercise. Read from the ledger on every render, so a step
 * that just ran fills its ids in.
 */
export function useCommandValues(): CommandValues {
  const services = useServices();
  const { session, config } = useTutor();
  const open = session.status === 'open' ? session.session : undefined;
  const [zones, setZones] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    setZones(undefined);
    if (!open) return undefined;
    let cancelled = false;
    services.zones(open).then(
      (answer) => !cancelled && setZones(answer),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [services, open]);
  if (!open) return { cluster: config.clusterName, region: config.region };
  return commandValues({
    ledger: open.ledger,
    config: open.config,
    ...(open.identity ? { accountId: open.identity.account } : {}),
    ...(zones ? { zones } : {}),
  });
}
