import { describe, expect, it } from 'vitest';
import { pageByIds } from '../src/simulator/page-by-ids.js';

const items = ['5', '30', '10', '20', '40'].map((id) => ({ id }));
const ids = (page: { readonly items: readonly { readonly id: string }[] }) =>
  page.items.map((item) => item.id);

describe('pageByIds', () => {
  it('cuts the newest page first, comparing ids as numbers, and says what lies on either side', () => {
    const page = pageByIds(items, { limit: 2 });
    expect(ids(page)).toEqual(['40', '30']);
    expect(page).toMatchObject({ hasOlder: true, hasNewer: false });
  });

  it('keeps to the id bounds, both exclusive', () => {
    const page = pageByIds(items, { limit: 10, olderThan: '30', newerThan: '5' });
    expect(ids(page)).toEqual(['20', '10']);
    expect(page).toMatchObject({ hasOlder: true, hasNewer: true });
  });

  it('cuts from the oldest end of the window when asked, still newest first', () => {
    const page = pageByIds(items, { limit: 2, newerThan: '5', from: 'oldest' });
    expect(ids(page)).toEqual(['20', '10']);
    expect(page).toMatchObject({ hasOlder: true, hasNewer: true });
  });

  it('answers an empty page with neither side when nothing is in the window', () => {
    expect(pageByIds(items, { limit: 5, olderThan: '5' })).toEqual({
      items: [],
      hasOlder: false,
      hasNewer: false,
    });
    expect(pageByIds(items, { limit: 0 }).items).toEqual([]);
  });
});
