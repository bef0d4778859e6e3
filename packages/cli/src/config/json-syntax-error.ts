/**
 * V8's messages that name a position: a fixed description, then `in JSON at position N` (or
 * `after JSON at position N`), which newer versions follow with `(line L column C)`. Only V8's
 * own words come before the position; the messages that quote a snippet of the text
 * (`Unexpected token 'h', "{"t":hunter2…" is not valid JSON`) name no position, and a
 * description with a double quote is never kept.
 */
const AT_POSITION = /^([^"]*?)(?: in JSON)? at position (\d+)/;

/** V8's message for a text that ends before its value does: it names no position. */
const ENDS_EARLY = 'Unexpected end of JSON input';

/**
 * Where and why `JSON.parse` refused `text`, without repeating any of the text: a config file can
 * hold a secret pasted by mistake, and V8's message quotes the text around the error. The line
 * and column (both from 1) are computed from the position V8 names; a message without one gives
 * no place.
 *
 * @param error - what `JSON.parse(text)` threw
 * @param text - the text it parsed
 * @returns e.g. `at line 3, column 1 (Unexpected non-whitespace character after JSON)`, or
 *   `(the file ends before its JSON does)`, or an empty string when the message names no place
 */
export function describeJsonSyntaxError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  if (message === ENDS_EARLY) return '(the file ends before its JSON does)';
  const match = AT_POSITION.exec(message);
  if (match === null) return '';
  const position = Math.min(Number(match[2]), text.length);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - (before.lastIndexOf('\n') + 1) + 1;
  return `at line ${line}, column ${column} (${match[1]})`;
}
