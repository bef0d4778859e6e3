import { describe, expect, it } from 'vitest';
import { LIST_START, type ListPosition, readPageAfter } from '../src/read-page-after.js';

/** An offset-paged collection over `items`, as Rest.li serves one, counting the reads. */
function collection(items: string[]) {
  const reads: [number, number][] = [];
  const read = async (start: number, count: number) => {
    reads.push([start, count]);
    return { elements: items.slice(start, start + count), paging: { total: items.length } };
  };
  return { items, reads, read };
}

const id = (item: string) => item;

/** Every item from `at` on, page by page, as a listing hands them out. */
async function rest(read: ReturnType<typeof collection>['read'], at: ListPosition, count: number, max = 100) {
  const out: string[] = [];
  let position = at;
  for (;;) {
    const page = await readPageAfter(read, id, position, count, max);
    out.push(...page.items);
    if (!page.more) return out;
    position = page.next;
  }
}

describe('readPageAfter', () => {
  it('reads the first page at its offset, and remembers the last ids handed out', async () => {
    const list = collection(['a', 'b', 'c', 'd', 'e']);
    const page = await readPageAfter(list.read, id, LIST_START, 3, 100);
    expect(page).toEqual({ items: ['a', 'b', 'c'], next: { start: 3, after: ['b', 'c'] }, more: true });
  });

  it('hands out what follows, in one request, when the page before did not change', async () => {
    const list = collection(['a', 'b', 'c', 'd', 'e']);
    const page = await readPageAfter(list.read, id, { start: 2, after: ['a', 'b'] }, 2, 100);
    expect(page.items).toEqual(['c', 'd']);
    expect(list.reads).toEqual([[0, 4]]);
  });

  it('repeats nothing when items were added before the offset', async () => {
    // 'a' and 'b' were handed out; two newer items came in front since (newest first).
    const list = collection(['y', 'z', 'a', 'b', 'c', 'd']);
    expect(await rest(list.read, { start: 2, after: ['a', 'b'] }, 2)).toEqual(['c', 'd']);
  });

  it('walks back past a full window of deletions to find its place', async () => {
    // 'k' and 'l' were handed out at offsets 10 and 11; the first 8 items were deleted since.
    const list = collection(['i', 'j', 'k', 'l', 'm', 'n']);
    expect(await rest(list.read, { start: 12, after: ['k', 'l'] }, 2, 3)).toEqual(['m', 'n']);
  });

  it('reads from the first item again when none of the ids is left', async () => {
    const list = collection(['c', 'd', 'e']);
    expect(await rest(list.read, { start: 2, after: ['a', 'b'] }, 2)).toEqual(['c', 'd', 'e']);
  });

  it('ends on a page that hands out nothing and does not move on', async () => {
    // A collection that claims more items than it serves.
    const read = async (start: number, count: number) => ({
      elements: ['a', 'b'].slice(start, start + count),
      paging: { total: 10 },
    });
    const page = await readPageAfter(read, id, { start: 2, after: ['a', 'b'] }, 2, 100);
    expect(page).toMatchObject({ items: [], more: false });
  });

  it('reads on by offset after a page whose last item has no id, and never hands a page out twice', async () => {
    // Reactions without an actor have no id; 'a' and 'b' were handed out.
    const list = collection(['a', 'b', 'x1', 'x2', 'c', 'd']);
    const idOrNone = (item: string) => (item.startsWith('x') ? undefined : item);
    const page = await readPageAfter(list.read, idOrNone, { start: 2, after: ['a', 'b'] }, 2, 100);
    expect(page).toEqual({ items: ['x1', 'x2'], next: { start: 4, after: [] }, more: true });
    const after = await readPageAfter(list.read, idOrNone, page.next, 2, 100);
    expect(after.items).toEqual(['c', 'd']);
    expect(after.next).toEqual({ start: 6, after: ['c', 'd'] });
  });
});
