import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { osc52, shellWords, wrapCommand } from '../../src/screens/state/commands.js';

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
    const widths = [40, 60, 78, 100];
    for (const lesson of LESSONS) {
      for (const command of lesson.commands ?? []) {
        for (const width of widths) {
          const lines = wrapCommand(command.cli, width);
          lines.slice(0, -1).forEach((line) => expect(line.endsWith(' \\')).toBe(true));
          expect(lines.at(-1)!.endsWith(' \\')).toBe(false);
          lines.forEach((line) => expect(line.startsWith(' ')).toBe(false));
          // What the shell reads after joining the continued lines: the same words.
          const pasted = lines.map((line) => line.replace(/ \\$/, '')).join(' ');
          expect(shellWords(pasted)).toEqual(shellWords(command.cli));
          for (const line of lines) {
            const words = shellWords(line.replace(/ \\$/, ''));
            // A line is over the width only when it holds a single word longer than the line.
            if (line.length > width) expect(words.length).toBe(1);
          }
        }
      }
    }
  });

  it('puts a command on the clipboard with OSC 52', () => {
    expect(osc52('aws eks list-clusters')).toBe(`\u001B]52;c;${Buffer.from('aws eks list-clusters').toString('base64')}\u0007`);
  });
});
