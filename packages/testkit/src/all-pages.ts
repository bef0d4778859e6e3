/**
 * Every page of a paged listing (an adapter's `listEngagements`, say), in order. More than `max`
 * pages fail, so a listing that never ends fails its test instead of hanging it.
 *
 * @param pages - the listing
 * @param max - the most pages a listing may have (default 100)
 * @returns the pages
 * @throws Error when the listing has more than `max` pages
 *
 * @example
 * ```ts
 * const pages = await allPages(adapter.listEngagements({ pageSize: 2 }, context));
 * expect(pages.flatMap((page) => page.items)).toHaveLength(5);
 * ```
 */
export async function allPages<T>(pages: AsyncIterable<T>, max = 100): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) {
    all.push(page);
    if (all.length > max) throw new Error(`the listing did not stop after ${max} pages`);
  }
  return all;
}
