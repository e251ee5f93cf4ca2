import { execFileSync } from 'node:child_process';

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Words quoted for the shell, each in single quotes. */
export const quoted = (words: readonly string[]) => words.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');

/** A session of one tmux server: a terminal the built program runs in, read and typed into as a person would. */
export interface TmuxSession {
  /** Runs `words` in a new detached session of cols×rows; the pane stays after the program exits, showing `EXITED <code>`. */
  open(cols: number, rows: number, words: readonly string[]): void;
  /** What the pane shows now. */
  screen(): string;
  /** Presses one key (a tmux key name such as Enter, Escape, NPage, or a character). */
  send(key: string): void;
  /** Presses the keys one after another, `gapMs` apart; after Escape 400 ms, so it is not read as the start of an Alt+key. */
  press(keys: readonly string[], gapMs: number): Promise<void>;
  /** The screen once it shows `what` (a string, a pattern or a test); fails with the screen after timeoutMs. */
  waitFor(what: string | RegExp | ((text: string) => boolean), timeoutMs: number, described?: string): Promise<string>;
}

/**
 * A tmux server of the test file's own, on a socket named after `name` and the
 * test process, so files running at once do not see each other's sessions.
 */
export function tmuxServer(name: string): { tmux(...args: string[]): string; session(session: string): TmuxSession; kill(): void } {
  const socket = `${name}-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  return {
    tmux,
    session(session) {
      const screen = () => tmux('capture-pane', '-p', '-t', session);
      return {
        open(cols, rows, words) {
          tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), `${quoted(words)}; echo "EXITED $?"; sleep 600`);
        },
        screen,
        send(key) {
          tmux('send-keys', '-t', session, key);
        },
        async press(keys, gapMs) {
          for (const key of keys) {
            tmux('send-keys', '-t', session, key);
            await pause(key === 'Escape' ? 400 : gapMs);
          }
        },
        async waitFor(what, timeoutMs, described = String(what)) {
          const test =
            typeof what === 'function' ? what : (text: string) => (typeof what === 'string' ? text.includes(what) : what.test(text));
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const text = screen();
            if (test(text)) return text;
            if (Date.now() > deadline) throw new Error(`Timed out waiting for ${described}; the screen:\n${text}`);
            await pause(200);
          }
        },
      };
    },
    /** Ends the server and every program in it (nothing when it is already gone). */
    kill() {
      try {
        tmux('kill-server');
      } catch {
        // already gone
      }
    },
  };
}
