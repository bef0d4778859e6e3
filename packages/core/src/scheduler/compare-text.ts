/**
 * Orders ids and keys by UTF-16 code unit, the tie-break of the in-memory stores. SQLite orders
 * TEXT by its UTF-8 bytes: the same order for every id outside the rare U+E000–U+FFFF range.
 *
 * @returns negative, zero or positive, as `Array.prototype.sort` wants
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
