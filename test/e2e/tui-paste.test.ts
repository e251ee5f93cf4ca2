import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pause, tmuxServer } from '../support/tmux.js';

/**
 * The built program in tmux at 80×24 (a dry run): a paste into its window, as
 * tmux pastes into a program that asked for bracketed paste, does nothing; the
 * terminal is given back without that mode.
 */
const CLI = resolve('dist/cli.js');
const server = tmuxServer('tutor-paste');
const term = server.session('paste');
let dir: string;

/** Pastes `text` as a terminal does: tmux brackets it when the program asked for it (-p), and not otherwise. */
function paste(text: string): void {
  server.tmux('set-buffer', '-b', 'learner', text);
  server.tmux('paste-buffer', '-p', '-d', '-b', 'learner', '-t', 'paste');
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first).');
  dir = await mkdtemp(join(tmpdir(), 'tutor-paste-'));
  term.open(80, 24, ['env', 'NO_COLOR=1', process.execPath, CLI, '--dry-run', '--state-dir', dir, '--lang', 'en']);
});

afterAll(async () => {
  server.kill();
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

describe('a paste into the tutor (tmux, 80×24, dry run)', () => {
  it('is not read as keys, the keys typed after it are, and the shell gets the terminal back without bracketed paste', async () => {
    await term.waitFor('Start with the lesson menu', 30_000);
    term.send('Enter');
    const menu = await term.waitFor('d runs them', 10_000);

    // A shell command with q, d and a newline in it, pasted into the wrong window.
    paste('kubectl get nodes\nq\nd\n');
    await pause(800);
    expect(term.screen()).toBe(menu);

    // The next key typed acts: q leaves a dry run at once.
    term.send('q');
    await term.waitFor('EXITED 0', 10_000);

    // After the tutor, the same paste reaches the terminal without the markers a program in bracketed paste mode gets.
    paste('after-the-tutor');
    const after = await term.waitFor('after-the-tutor', 10_000);
    expect(after).not.toContain('[200~');
  });
});
