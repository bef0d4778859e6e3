import { describe, expect, it } from 'vitest';
import { allPages } from '../src/all-pages.js';

describe('allPages', () => {
  async function* pages(count: number) {
    for (let index = 0; index < count; index += 1) yield index;
  }

  it('collects every page in order', async () => {
    expect(await allPages(pages(3))).toEqual([0, 1, 2]);
  });

  it('fails a listing that goes on past the most pages allowed', async () => {
    await expect(allPages(pages(5), 3)).rejects.toThrow('the listing did not stop after 3 pages');
    expect(await allPages(pages(3), 3)).toHaveLength(3);
  });
});
