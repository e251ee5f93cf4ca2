import { colorAllowed, MARKS } from '../present/marks.js';
import type { Phase } from './state/world.js';

/** What a colour means here; components ask for a meaning, never a colour. */
export type Tone = 'accent' | 'ok' | 'bad' | 'warn' | 'muted' | 'heading' | 'key' | 'important' | 'cost' | 'code';

export interface Theme {
  /** False under NO_COLOR: meaning is then carried by symbols and brackets alone. */
  color: boolean;
  /**
   * --plain (a screen reader): ASCII marks and words, numbered menus, no
   * boxes, and nothing that redraws on its own (no spinner, no ticking clock).
   */
  plain: boolean;
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
    barBusy: string;
    /** Between page tabs. */
    separator: string;
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

/** NO_COLOR, as the presentation layer reads it for both front ends. */
export { colorAllowed };

const PLAIN_SYMBOLS: Theme['symbols'] = {
  ok: '[ok]',
  bad: '[failed]',
  unknown: '[unknown]',
  cursor: '>',
  done: '[done]',
  current: '[here]',
  todo: '[ ]',
  barFull: '#',
  barEmpty: '-',
  barBusy: '~',
  separator: ' | ',
  spinner: ['...'],
  arrow: '->',
};

/** What a phase means, the same with and without --plain: only its symbol differs. */
const PHASE_TONES: Record<Phase, Tone> = {
  planned: 'muted',
  creating: 'warn',
  ready: 'ok',
  deleting: 'warn',
  deleted: 'muted',
  failed: 'bad',
};

function phaseLooks(symbols: Record<Phase, string>): Theme['phase'] {
  return Object.fromEntries(
    (Object.entries(symbols) as [Phase, string][]).map(([phase, symbol]) => [phase, { symbol, tone: PHASE_TONES[phase] }]),
  ) as Theme['phase'];
}

const PLAIN_PHASES = phaseLooks({
  planned: '[planned]',
  creating: '[creating]',
  ready: '[ready]',
  deleting: '[deleting]',
  deleted: '[deleted]',
  failed: '[failed]',
});

export function makeTheme(color: boolean = colorAllowed(), plain = false): Theme {
  const colors = Object.fromEntries(Object.entries(COLORS).map(([tone, value]) => [tone, color ? value : undefined])) as Record<
    Tone,
    string | undefined
  >;
  if (plain) return { color, plain, colors, symbols: PLAIN_SYMBOLS, phase: PLAIN_PHASES };
  return {
    color,
    plain,
    colors,
    symbols: {
      ok: MARKS.ok,
      bad: MARKS.bad,
      unknown: MARKS.unknown,
      cursor: '›',
      done: '✓',
      current: '▸',
      todo: '·',
      barFull: '█',
      barEmpty: '░',
      barBusy: '▒',
      separator: ' │ ',
      spinner: ['◐', '◓', '◑', '◒'],
      arrow: '→',
    },
    phase: phaseLooks({ planned: '○', creating: '◐', ready: '●', deleting: '◌', deleted: '·', failed: '✗' }),
  };
}
