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

/** Compares two numeric string ids as numbers (`'9' < '10'`). */
export function compareIds(a: string, b: string): number {
  const left = BigInt(a);
  const right = BigInt(b);
  return left < right ? -1 : left > right ? 1 : 0;
}
