/**
 * Text that shows nothing: white space, control characters (NUL and the other C0/C1 controls)
 * and default-ignorable code points, which render as nothing (zero-width space and joiners,
 * word joiner, byte order mark, soft hyphen, Hangul fillers, variation selectors). Unicode
 * defines the last set as the characters to render invisibly
 * (https://www.unicode.org/reports/tr44/#Default_Ignorable_Code_Point).
 */
const INVISIBLE_ONLY = /^[\s\p{Cc}\p{Default_Ignorable_Code_Point}]*$/u;

/**
 * True when `text` has at least one character a reader would see. `''`, `'  '`, `'\u0000'` and
 * `'\u200b'` have none; `'\u200bhi'` and `'👍🏽'` have some.
 *
 * @param text - the text to look at
 * @returns whether anything in it is visible
 */
export function hasVisibleText(text: string): boolean {
  return !INVISIBLE_ONLY.test(text);
}
