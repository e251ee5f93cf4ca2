import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { T } from '../../../src/screens/components/T.js';
import { UiProvider } from '../../../src/screens/contexts/ui.js';
import { makeTheme } from '../../../src/screens/theme.js';

const ui = { lang: 'en' as const, mask: (line: string) => line, presenter: false, theme: makeTheme(false), columns: 80, rows: 24 };

function frame(node: React.ReactNode): string {
  const app = render(<UiProvider value={ui}>{node}</UiProvider>);
  const out = app.lastFrame() ?? '';
  app.unmount();
  return out;
}

describe('text that Ink wraps', () => {
  it('never starts a wrapped line with a space, also when the line before filled the width', () => {
    // "hello world" fills the 11 columns exactly: Ink would carry the space to the next line.
    const lines = frame(
      <Box width={11}>
        <T>hello world again and again</T>
      </Box>,
    ).split('\n');
    expect(lines).toEqual(['hello world', 'again and', 'again']);
  });

  it('keeps a nested piece’s words and a first line’s indentation', () => {
    const lines = frame(
      <Box width={12}>
        <T>
          {'  '}one two <T bold>three four</T> five
        </T>
      </Box>,
    ).split('\n');
    expect(lines[0]).toBe('  one two');
    for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(false);
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe('one two three four five');
  });
});
