// A build-time change to string-width (Ink's text measure), kept apart so a test can check it.
//
// string-width builds a large emoji expression when it is loaded, and segments
// every string with a character outside printable ASCII: the tutor's box
// characters, "·", and all Japanese. The change builds the expression when it
// is first needed, and measures a string
// of only simple characters — BMP, no marks, controls, emoji, jamo or other
// character that joins its neighbour — by adding up their East Asian widths,
// which is what string-width itself arrives at for such a string.

const RGI_EMOJI = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
// Creating this expression takes about 7 ms; the simple path never needs it.
const LAZY_RGI_EMOJI = [
  'let rgiEmojiRegexInstance;',
  'const rgiEmojiRegex = {test: string => (rgiEmojiRegexInstance ??= /^\\p{RGI_Emoji}$/v).test(string)};',
].join('\n');

const ASCII_PATH = /(\tif \(\/\^\[\\u0020-\\u007E\]\*\$\/\.test\(string\)\) \{\n\t\treturn string\.length;\n\t\}\n)/;
const SIMPLE_PATH = [
  '',
  '\t// Simple characters only: each is a cluster of its own, as wide as its East Asian width.',
  '\tif (/^[^\\p{M}\\p{C}\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u1100-\\u11FF\\uA960-\\uA97F\\uD7B0-\\uD7FF\\u3164\\uFFA0\\uFF9E\\uFF9F\\u0D4E\\u0E33\\u0EB3\\u{10000}-\\u{10FFFF}]*$/u.test(string)) {',
  '\t\tlet simpleWidth = 0;',
  '\t\tconst simpleOptions = {ambiguousAsWide: !ambiguousIsNarrow};',
  '\t\tfor (let index = 0; index < string.length; index++) {',
  '\t\t\tsimpleWidth += eastAsianWidth(string.charCodeAt(index), simpleOptions);',
  '\t\t}',
  '',
  '\t\treturn simpleWidth;',
  '\t}',
  '',
].join('\n');

/** The changed source of string-width's index.js; throws when the source is not the one this was written for. */
export function patchStringWidth(source) {
  if (source.split(RGI_EMOJI).length !== 2 || !ASCII_PATH.test(source)) {
    throw new Error('string-width changed: scripts/string-width-patch.mjs no longer fits; review it against the new version');
  }
  return source.replace(RGI_EMOJI, LAZY_RGI_EMOJI).replace(ASCII_PATH, (asciiPath) => asciiPath + SIMPLE_PATH);
}
