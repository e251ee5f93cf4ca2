import { useRef } from 'react';

/**
 * The list of the last render when it holds the same items, in the same order: a component given it as a
 * property (with `memo`) is not drawn again for an engine event that changed nothing it shows.
 */
export function useSame<T>(list: readonly T[]): readonly T[] {
  const last = useRef(list);
  const before = last.current;
  if (before.length !== list.length || before.some((item, i) => item !== list[i])) last.current = list;
  return last.current;
}
