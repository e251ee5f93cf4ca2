import type { KeyInfo } from './keys.js';

/** One key as Ink's useInput gives it when it is read on its own. */
export interface OneKey {
  input: string;
  key: KeyInfo;
}

/** What Ink adds to a key beyond KeyInfo that tells a chunk of keys from one key. */
type InkKey = KeyInfo & { meta?: boolean };

/** The rest of an escape sequence Ink has no name for (it strips the ESC): one key, not characters. */
const UNNAMED_SEQUENCE = /^\[[0-?]*[ -/]*[@-~]$/;

/** A character read on its own, as Ink 6 names it (parse-keypress and use-input, without the kitty protocol). */
function single(char: string): OneKey {
  if (char === '\r') return { input: char, key: { return: true } };
  if (char === '\t') return { input: '', key: { tab: true } };
  if (char === '\b' || char === '\x7f') return { input: '', key: {} };
  if (char <= '\x1a' && char !== '\n') return { input: String.fromCharCode(char.charCodeAt(0) + 96), key: { ctrl: true } };
  if (char >= 'A' && char <= 'Z') return { input: char, key: { shift: true } };
  return { input: char, key: {} };
}

/**
 * The keys in what Ink's useInput gave as one: Ink 6 reads each escape sequence
 * (an arrow, Esc) as a key of its own, but a run of other characters read at
 * once (two Enters of a clicker, `jj` typed fast, a paste) comes as one input
 * with no key named. Such a run is split into its characters, each named as Ink
 * names it when it comes alone; anything Ink named stays one key.
 */
export function splitKeys(input: string, key: InkKey): OneKey[] {
  const chars = [...input];
  const named = Object.entries(key).some(([name, on]) => on === true && name !== 'shift');
  if (chars.length < 2 || named || UNNAMED_SEQUENCE.test(input)) return [{ input, key }];
  return chars.map(single);
}

/** What a terminal in bracketed paste mode (run.tsx turns it on) sends around a paste, as Ink hands it over. */
const PASTE_START = '[200~';
const PASTE_END = '[201~';
/** A paste whose end never comes (a terminal that lost it) stops being one after this long without input. */
const PASTE_IDLE_MS = 1000;

/**
 * Tells what was pasted from what was typed: the tutor has no text field, so a
 * paste (a command meant for the shell beside it) is not keys, and its `q`,
 * `r` or Enter must not act. True for the markers and everything between them.
 */
export function pasteFilter(now: () => number = Date.now): (input: string) => boolean {
  let lastPasted: number | undefined;
  return (input) => {
    if (input === PASTE_START) {
      lastPasted = now();
      return true;
    }
    if (input === PASTE_END) {
      const inPaste = lastPasted !== undefined;
      lastPasted = undefined;
      return inPaste;
    }
    if (lastPasted === undefined || now() - lastPasted > PASTE_IDLE_MS) {
      lastPasted = undefined;
      return false;
    }
    lastPasted = now();
    return true;
  };
}

let marks = 0;

/** A number larger than every one given before: when a key was read, or a screen was drawn, in the order they happened. */
export function mark(): number {
  marks += 1;
  return marks;
}

let reading: number | undefined;

/**
 * The mark of the read going on now: Ink hands over every key of one read of
 * the terminal in the same turn of the event loop, so they all get the same
 * mark, taken before any of them changed the screen.
 */
export function readMark(): number {
  if (reading === undefined) {
    reading = mark();
    queueMicrotask(() => {
      reading = undefined;
    });
  }
  return reading;
}
