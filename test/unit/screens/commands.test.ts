import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons/index.js';
import { osc52, shellWords, wrapCommand } from '../../../src/screens/state/commands.js';

/** A word as the shell hands it over; a JSON argument as the document it holds (JSON ignores the newlines). */
const same = (word: string): unknown => (/^'[[{]/.test(word) ? JSON.parse(word.slice(1, -1)) : word);

describe('commands on the "Try it" page', () => {
  it('splits a command at spaces outside quotes only', () => {
    expect(shellWords(`aws ec2 describe-subnets --query 'Subnets[].{Id: SubnetId, Az: AvailabilityZone}' --output table`)).toEqual([
      'aws',
      'ec2',
      'describe-subnets',
      '--query',
      `'Subnets[].{Id: SubnetId, Az: AvailabilityZone}'`,
      '--output',
      'table',
    ]);
    expect(shellWords('kubectl get nodes  -o   wide')).toEqual(['kubectl', 'get', 'nodes', '-o', 'wide']);
  });

  it('cuts long commands between words with a trailing backslash, never inside a word, and pastes back to the same words', () => {
    const widths = [40, 51, 60, 78, 100];
    const create = `aws iam create-role --role-name eks-basics-tutor-cluster-role --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"eks.amazonaws.com"},"Action":"sts:AssumeRole"}]}' --tags '[{"Key":"eks-basics-tutor/cluster","Value":"eks-basics-tutor"},{"Key":"Name","Value":"a, b"}]' --region us-east-1`;
    const commands = [...LESSONS.flatMap((lesson) => (lesson.commands ?? []).map((c) => c.cli)), create];
    for (const cli of commands) {
      for (const width of widths) {
        const lines = wrapCommand(cli, width);
        expect(lines.at(-1)!.endsWith(' \\')).toBe(false);
        lines.forEach((line) => expect(line.startsWith(' ')).toBe(false));
        // What the shell reads: continued lines joined, other newlines kept (they are inside quotes).
        const pasted = lines
          .map((line, i) => (i === lines.length - 1 ? line : line.endsWith(' \\') ? `${line.slice(0, -2)} ` : `${line}\n`))
          .join('');
        expect(shellWords(pasted).map(same)).toEqual(shellWords(cli).map(same));
        for (const line of lines) {
          const words = shellWords(line.replace(/ \\$/, ''));
          // A line is over the width only when it holds a single word longer than the line that is not JSON.
          if (line.length > width) expect(words.length === 1 && !/^'[[{]/.test(words[0]!)).toBe(true);
        }
      }
    }
  });

  it('puts a command on the clipboard with OSC 52', () => {
    expect(osc52('aws eks list-clusters')).toBe(`\u001B]52;c;${Buffer.from('aws eks list-clusters').toString('base64')}\u0007`);
  });
});
