import { createInterface } from 'node:readline/promises';
import { badInput } from '../errors.js';
import { text, type Lang } from '../text.js';

/**
 * Asks a yes/no question on the terminal. Without a terminal it refuses with a
 * line that names --yes, so a script never hangs on a hidden question.
 */
export async function confirm(question: string, lang: Lang, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    throw badInput(
      text(
        'This would ask for confirmation, but standard input is not a terminal: add --yes to go ahead.',
        '確認が必要ですが、標準入力が端末ではありません。実行するには --yes を付けてください。',
      ),
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`${question} ${lang === 'ja' ? '[y/N]' : '[y/N]'} `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
