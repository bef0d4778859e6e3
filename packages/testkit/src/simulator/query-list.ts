/**
 * A comma-separated list query parameter (`fields=id,name`, X's `tweet.fields=public_metrics,author_id`)
 * as the set of its items, trimmed, empty items left out. Every occurrence of the parameter counts,
 * and several names may be given for one parameter (X's `tweet.fields` and its newer name
 * `post.fields` are read together).
 *
 * @param url - the request's URL
 * @param names - the parameter's names
 * @returns the items, in the order first seen
 *
 * @example
 * ```ts
 * queryList(new URL('https://sim.test/2/tweets?tweet.fields=a,%20b&post.fields=c'), 'tweet.fields', 'post.fields'); // {'a', 'b', 'c'}
 * ```
 */
export function queryList(url: URL, ...names: readonly string[]): Set<string> {
  const values = new Set<string>();
  for (const name of names) {
    for (const raw of url.searchParams.getAll(name)) {
      for (const item of raw.split(',')) if (item.trim() !== '') values.add(item.trim());
    }
  }
  return values;
}
