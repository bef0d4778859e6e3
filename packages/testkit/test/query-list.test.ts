import { describe, expect, it } from 'vitest';
import { queryList } from '../src/simulator/query-list.js';

describe('queryList', () => {
  it('reads every occurrence of every name, trimmed, without empty items or repeats', () => {
    const url = new URL('https://sim.test/x?a=1,%202,,&b=3&a=1,4&c=9');
    expect([...queryList(url, 'a', 'b')]).toEqual(['1', '2', '4', '3']);
    expect(queryList(url, 'missing').size).toBe(0);
  });
});
