import { describe, expect, it } from 'vitest';
import { JSON_REPORT_SCHEMA_VERSION, toJsonReport } from '../../src/analytics/json-export.js';
import { ValidationError } from '../../src/errors/validation-error.js';

describe('toJsonReport', () => {
  it('wraps the data with a schemaVersion, pretty-printed, dates as ISO strings and nulls kept', () => {
    const text = toJsonReport({ generatedAt: new Date('2026-05-01T00:00:00Z'), reach: null, posts: 3 });
    expect(text).toBe(
      [
        '{',
        '  "schemaVersion": 1,',
        '  "data": {',
        '    "generatedAt": "2026-05-01T00:00:00.000Z",',
        '    "posts": 3,',
        '    "reach": null',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(JSON.parse(text).schemaVersion).toBe(JSON_REPORT_SCHEMA_VERSION);
  });

  it('is stable: key order in the input does not change the text', () => {
    const left = toJsonReport({ b: 1, a: { y: [1, { d: 2, c: 3 }], x: null } });
    const right = toJsonReport({ a: { x: null, y: [1, { c: 3, d: 2 }] }, b: 1 });
    expect(left).toBe(right);
    expect(toJsonReport({ b: 1, a: 2 }, { sortKeys: false })).toContain('"b": 1,\n    "a": 2');
  });

  it('encodes values JSON cannot hold directly', () => {
    const data = {
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      bad: new Date('nope'),
      big: 2n ** 64n,
      map: new Map<unknown, unknown>([
        ['x', 1],
        [2, new Date(0)],
      ]),
      set: new Set(['a', 'b']),
      url: new URL('https://a.example/p'),
      gone: undefined,
      list: [undefined, () => 1, 0],
    };
    expect(JSON.parse(toJsonReport(data)).data).toEqual({
      nan: null,
      inf: null,
      bad: null,
      big: '18446744073709551616',
      map: { '2': '1970-01-01T00:00:00.000Z', x: 1 },
      set: ['a', 'b'],
      url: 'https://a.example/p',
      list: [null, null, 0],
    });
  });

  it('keeps a null or absent top-level value as null and honours the indent', () => {
    expect(JSON.parse(toJsonReport(null))).toEqual({ schemaVersion: 1, data: null });
    expect(JSON.parse(toJsonReport(undefined))).toEqual({ schemaVersion: 1, data: null });
    expect(toJsonReport([1], { indent: 0 })).toBe('{"schemaVersion":1,"data":[1]}');
  });

  it('allows shared references but rejects cycles', () => {
    const shared = { n: 1 };
    expect(JSON.parse(toJsonReport({ a: shared, b: shared })).data).toEqual({ a: { n: 1 }, b: { n: 1 } });
    const cyclic: { name: string; self?: unknown } = { name: 'loop' };
    cyclic.self = { back: cyclic };
    expect(() => toJsonReport(cyclic)).toThrow(ValidationError);
    expect(() => toJsonReport(cyclic)).toThrow(/self\.back/);
  });

  it('keeps a __proto__ key as data', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}}');
    const parsed = JSON.parse(toJsonReport(data)).data;
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
