import { describe, expect, it } from 'vitest';
import { selectFields } from '../src/simulator/select-fields.js';

describe('selectFields', () => {
  it('keeps the defaults and adds the selected fields in their declared order, leaving undefined out', () => {
    let computed = 0;
    const rendered = selectFields({ id: '1' }, new Set(['b', 'a', 'missing', 'none']), {
      a: () => 'A',
      b: () => ({ count: 2 }),
      none: () => undefined,
      skipped: () => {
        computed += 1;
        return 'never';
      },
    });
    expect(rendered).toEqual({ id: '1', a: 'A', b: { count: 2 } });
    expect(Object.keys(rendered)).toEqual(['id', 'a', 'b']);
    expect(computed).toBe(0);
  });
});
