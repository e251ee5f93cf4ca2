import { useInput } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { splitKeys, type OneKey } from '../../../src/screens/state/key-chunks.js';
import type { KeyInfo } from '../../../src/screens/state/keys.js';
import { pause } from '../../fixtures/frames.js';

const FLAGS: (keyof KeyInfo)[] = [
  'upArrow',
  'downArrow',
  'leftArrow',
  'rightArrow',
  'return',
  'escape',
  'ctrl',
  'tab',
  'shift',
  'pageUp',
  'pageDown',
];

/** The flags of KeyInfo that are on: what the tutor reads of Ink's key. */
const on = (key: KeyInfo): KeyInfo => Object.fromEntries(FLAGS.filter((flag) => key[flag] === true).map((flag) => [flag, true]));

type Seen = { input: string; key: Parameters<Parameters<typeof useInput>[0]>[1] };

/** What Ink 6's useInput hands over for each write to the terminal's input. */
async function inkReads(writes: readonly string[]): Promise<Seen[][]> {
  const seen: Seen[] = [];
  function Probe() {
    useInput((input, key) => {
      seen.push({ input, key });
    });
    return null;
  }
  const app = render(<Probe />);
  const reads: Seen[][] = [];
  try {
    await pause(30);
    for (const write of writes) {
      seen.length = 0;
      app.stdin.write(write);
      // A lone Esc is handed over a moment later (it could start a sequence).
      await pause(30);
      reads.push([...seen]);
    }
  } finally {
    app.unmount();
  }
  return reads;
}

const KEYS_ALONE = ['\r', '\n', '\t', 'j', 'k', 'J', ' ', '5', '?', 'd', 'y', '\u0003', '\u007f', '\b', 'é', '日', '😀'];

describe('keys read in one chunk', () => {
  it('split into the keys Ink gives for each read alone, in order', async () => {
    const chunk = KEYS_ALONE.join('');
    const reads = await inkReads([...KEYS_ALONE, chunk]);
    const alone = reads.slice(0, KEYS_ALONE.length).map((read): OneKey => {
      expect(read).toHaveLength(1);
      return { input: read[0]!.input, key: on(read[0]!.key) };
    });
    // Ink gives the chunk as one input with no key named…
    const together = reads[KEYS_ALONE.length]!;
    expect(together).toHaveLength(1);
    expect(together[0]!.input).toBe(chunk);
    // …and split, it is the keys one by one.
    const split = splitKeys(together[0]!.input, together[0]!.key).map(({ input, key }) => ({ input, key: on(key) }));
    expect(split).toEqual(alone);
    expect(split.map((k) => k.key.return === true)).toEqual(KEYS_ALONE.map((c) => c === '\r'));
  });

  it('leave what Ink reads as one key as it is: arrows (Ink gives each its own input), Esc alone, Ctrl, a sequence it has no name for', async () => {
    const [arrows, escape, ctrl, unnamed] = await inkReads(['\u001B[B\u001B[B', '\u001B', '\u0018', '\u001B[200~']);
    expect(arrows!.map((k) => on(k.key))).toEqual([{ downArrow: true }, { downArrow: true }]);
    for (const read of [arrows!, escape!, ctrl!, unnamed!])
      for (const { input, key } of read) expect(splitKeys(input, key)).toEqual([{ input, key }]);
    expect(on(escape![0]!.key)).toEqual({ escape: true });
    expect(unnamed![0]!.input).toBe('[200~');
  });
});
