import { text, type Text } from '../../text.js';
import type { Theme } from '../theme.js';

/** In plain mode the keys line starts with how numbered choices are picked. */
export function withNumberKeys(keys: Text, theme: Theme): Text {
  if (!theme.plain) return keys;
  return { en: `digits choose · ${keys.en}`, ja: `数字で選択 · ${keys.ja}` };
}

/** Under a numbered list in plain mode. */
export const PLAIN_PICK: Text = text('Type the number of a choice.', '選択肢の番号を入力してください。');
