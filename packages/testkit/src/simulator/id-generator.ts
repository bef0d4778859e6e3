/**
 * Makes increasing numeric string ids, like the snowflake ids of X and Mastodon, so that "newer
 * than" comparisons and `since_id`/`max_id` pagination work on simulated data.
 *
 * @example
 * ```ts
 * const nextId = createIdGenerator(1_800_000_000_000_000n);
 * nextId(); // '1800000000000000001'
 * ```
 */
export function createIdGenerator(start = 1_000_000_000_000_000n): () => string {
  let current = start;
  return () => {
    current += 1n;
    return current.toString();
  };
}

/**
 * The number an id ends with: the whole id for numeric ids (X, Mastodon), the sequence of a URN
 * (`urn:li:share:12` → 12n, `urn:li:comment:(urn:li:share:12,34)` → 34n), or `undefined`.
 */
function sequenceOf(id: string): bigint | undefined {
  const digits = /(\d+)\)?$/.exec(id)?.[1];
  return digits === undefined ? undefined : BigInt(digits);
}

/**
 * Orders ids by creation: numeric string ids as numbers (`'9' < '10'`), and ids that end with a
 * number handed out in increasing order (URNs such as `urn:li:share:12`) by that number. Ids
 * without one compare equal, so a stable sort keeps them in insertion order.
 *
 * @param a - one id
 * @param b - another
 * @returns negative, zero or positive, as for `Array.prototype.sort`
 *
 * @example
 * ```ts
 * ['10', '9'].sort(compareIds); // ['9', '10']
 * ['urn:li:share:10', 'urn:li:share:9'].sort(compareIds); // ['urn:li:share:9', 'urn:li:share:10']
 * ```
 */
export function compareIds(a: string, b: string): number {
  const left = sequenceOf(a);
  const right = sequenceOf(b);
  if (left === undefined || right === undefined) return 0;
  return left < right ? -1 : left > right ? 1 : 0;
}
