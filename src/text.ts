/** The languages the tutor speaks. */
export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

/** A piece of text in every language the tutor speaks. */
export type Text = Record<Lang, string>;

/** Both languages of one message, written side by side so neither is forgotten. */
export function text(en: string, ja: string): Text {
  return { en, ja };
}

/**
 * The language to speak: `--lang` when given, otherwise Japanese when the
 * locale (LC_ALL, then LC_MESSAGES, then LANG) starts with `ja`, otherwise English.
 */
export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
