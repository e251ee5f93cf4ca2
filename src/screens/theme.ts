import type { Phase } from './state/world.js';

/** What a colour means here; components ask for a meaning, never a colour. */
export type Tone = 'accent' | 'ok' | 'bad' | 'warn' | 'muted' | 'heading' | 'key' | 'important' | 'cost' | 'code';

export interface Theme {
  /** False under NO_COLOR: meaning is then carried by symbols and brackets alone. */
  color: boolean;
  colors: Record<Tone, string | undefined>;
  symbols: {
    ok: string;
    bad: string;
    unknown: string;
    cursor: string;
    done: string;
    current: string;
    todo: string;
    barFull: string;
    barEmpty: string;
    spinner: readonly string[];
    arrow: string;
  };
  phase: Record<Phase, { symbol: string; tone: Tone }>;
}

const COLORS: Record<Tone, string> = {
  accent: 'cyan',
  ok: 'green',
  bad: 'red',
  warn: 'yellow',
  muted: 'gray',
  heading: 'cyanBright',
  key: 'magenta',
  important: 'yellowBright',
  cost: 'yellow',
  code: 'blueBright',
};

/** NO_COLOR (https://no-color.org): present and not empty turns colour off. */
export function colorAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return !(typeof env.NO_COLOR === 'string' && env.NO_COLOR !== '');
}

export function makeTheme(color: boolean = colorAllowed()): Theme {
  const colors = Object.fromEntries(Object.entries(COLORS).map(([tone, value]) => [tone, color ? value : undefined])) as Record<Tone, string | undefined>;
  return {
    color,
    colors,
    symbols: {
      ok: '✓',
      bad: '✗',
      unknown: '?',
      cursor: '›',
      done: '✓',
      current: '▸',
      todo: '·',
      barFull: '█',
      barEmpty: '░',
      spinner: ['◐', '◓', '◑', '◒'],
      arrow: '→',
    },
    phase: {
      planned: { symbol: '○', tone: 'muted' },
      creating: { symbol: '◐', tone: 'warn' },
      ready: { symbol: '●', tone: 'ok' },
      deleting: { symbol: '◌', tone: 'warn' },
      deleted: { symbol: '·', tone: 'muted' },
      failed: { symbol: '✗', tone: 'bad' },
    },
  };
}
