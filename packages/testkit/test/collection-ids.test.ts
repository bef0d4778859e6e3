import { describe, expect, it } from 'vitest';
import { compareIds } from '../src/simulator/id-generator.js';
import { Collection } from '../src/simulator/state.js';

describe('Collection with any kind of id', () => {
  it('lists numeric ids as numbers, whatever order they were put in', () => {
    const items = new Collection([{ id: '10' }, { id: '9' }, { id: '100' }]);
    expect(items.filter().map((item) => item.id)).toEqual(['9', '10', '100']);
  });

  it('lists URNs by the number they end with, so LinkedIn-style tables keep creation order', () => {
    const items = new Collection<{ id: string }>();
    for (const id of ['urn:li:share:10', 'urn:li:comment:(urn:li:share:10,12)', 'urn:li:ugcPost:9'])
      items.put({ id });
    expect(items.filter().map((item) => item.id)).toEqual([
      'urn:li:ugcPost:9',
      'urn:li:share:10',
      'urn:li:comment:(urn:li:share:10,12)',
    ]);
    expect(items.get('urn:li:share:10')).toEqual({ id: 'urn:li:share:10' });
  });

  it('keeps ids without a number in insertion order instead of failing', () => {
    const items = new Collection([{ id: 'gamma' }, { id: 'alpha' }, { id: 'beta' }]);
    expect(items.filter().map((item) => item.id)).toEqual(['gamma', 'alpha', 'beta']);
    expect(compareIds('gamma', 'alpha')).toBe(0);
    expect(compareIds('urn:li:share:2', 'urn:li:share:11')).toBe(-1);
  });
});
