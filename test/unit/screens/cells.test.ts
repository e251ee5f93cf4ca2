import { describe, expect, it } from 'vitest';
import { wrapCells } from '../../../src/screens/components/cells.js';

const cells = (line: string) => [...line].reduce((sum, c) => sum + (/[\u3000-\u9fff\uff00-\uff60]/.test(c) ? 2 : 1), 0);

describe('lines cut to a width in cells', () => {
  it('cuts English at spaces, never starting a line with one', () => {
    expect(wrapCells('The role eks-basics-tutor-cluster-role exists', 20)).toEqual([
      'The role',
      'eks-basics-tutor-clu',
      'ster-role exists',
    ]);
    expect(wrapCells('hello world again', 11)).toEqual(['hello world', 'again']);
    expect(wrapCells('  an-indented-word-too-long', 10)[0]).toBe('  an-inden');
  });

  it('cuts Japanese between characters, counting two cells for each', () => {
    const lines = wrapCells('ロール eks-basics-tutor-cluster-role が存在します(信頼ポリシーは eks.amazonaws.com)', 24);
    for (const line of lines) expect(cells(line)).toBeLessThanOrEqual(24);
    for (const line of lines) expect(line.startsWith(' ')).toBe(false);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('').replace(/ /g, '')).toBe('ロールeks-basics-tutor-cluster-roleが存在します(信頼ポリシーはeks.amazonaws.com)');
  });
});
