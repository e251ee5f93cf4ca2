import { Text as InkText, Transform } from 'ink';
import { createContext, Fragment, isValidElement, useContext, type ReactNode } from 'react';
import type { Text } from '../../text.js';
import { useUi } from '../contexts/ui.js';
import type { Tone } from '../theme.js';

export type Say = string | number | Text;

function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && !isValidElement(value) && 'en' in value && 'ja' in value;
}

const isPlain = (child: unknown) =>
  typeof child === 'string' || typeof child === 'number' || isText(child) || child === undefined || child === null || child === false;

/** A string or a Text in the learner's language, as it may appear on screen (masked in presenter mode). */
export function useSay(): (value: Say) => string {
  const { lang, mask } = useUi();
  return (value) => mask(typeof value === 'string' ? value : typeof value === 'number' ? String(value) : value[lang]);
}

/** Set inside a T: only the outermost one sees the lines as Ink wrapped them. */
const InsideT = createContext(false);

/**
 * Ink wraps keeping the spaces (wrap-ansi with trim off): a line cut at a space
 * would start with it. The space at the start of a wrapped line is dropped;
 * the first line and indentation of two spaces or more are left as they are.
 */
const WRAP_SPACE = new RegExp(`^((?:${String.fromCharCode(27)}\\[[0-9;]*m)*) (?=\\S)`);

export function dropWrapSpace(line: string, index: number): string {
  return index === 0 ? line : line.replace(WRAP_SPACE, '$1');
}

export interface TProps {
  children?: ReactNode | Text | (ReactNode | Text)[];
  tone?: Tone;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  underline?: boolean;
  wrap?: 'wrap' | 'truncate' | 'truncate-end' | 'truncate-middle';
}

/**
 * The only way text reaches the screen: strings and Text objects are put in
 * the learner's language and masked here; colours come from the theme.
 */
export function T({ children, tone, bold, dim, inverse, underline, wrap }: TProps) {
  const { lang, mask, theme } = useUi();
  const inside = useContext(InsideT);
  const list: unknown[] = Array.isArray(children) ? children : [children];
  const word = (child: unknown) =>
    isText(child) ? child[lang] : typeof child === 'string' || typeof child === 'number' ? String(child) : '';
  // Plain text is joined before masking, so an id split over several pieces is still caught.
  const parts: ReactNode[] = list.every(isPlain)
    ? [mask(list.map(word).join(''))]
    : list.map((child, i) => (isPlain(child) ? mask(word(child)) : <Fragment key={i}>{child as ReactNode}</Fragment>));
  const color = tone ? theme.colors[tone] : undefined;
  const text = (
    <InkText
      {...(color ? { color } : {})}
      {...(bold ? { bold } : {})}
      {...(dim ? { dimColor: true } : {})}
      {...(inverse ? { inverse } : {})}
      {...(underline ? { underline } : {})}
      wrap={wrap ?? 'wrap'}
    >
      {parts}
    </InkText>
  );
  const wrapped = (wrap ?? 'wrap') === 'wrap' && !inside ? <Transform transform={dropWrapSpace}>{text}</Transform> : text;
  return inside ? wrapped : <InsideT.Provider value={true}>{wrapped}</InsideT.Provider>;
}
