import { describe, expect, it } from 'vitest';
import { anything, arr, bool, checkSchema, int, obj, str } from '../src/simulator/schema-check.js';

const POLL = obj(
  {
    options: arr(str({ minLength: 1, maxLength: 5 }), 2, 4),
    duration: int(5, 60),
    kind: str({ values: ['a', 'b'] }),
    id: str({ pattern: /^[0-9]+$/ }),
    open: bool,
    extra: anything,
  },
  ['options'],
);

describe('checkSchema', () => {
  it('finds nothing wrong with a value that fits', () => {
    const poll = { options: ['yes', 'no'], duration: 5, kind: 'a', id: '12', open: true, extra: { x: [1] } };
    expect(checkSchema(POLL, poll)).toEqual([]);
  });

  it('reports a wrong type at its path, with the value found', () => {
    expect(checkSchema(POLL, { options: 'yes', open: 'no', duration: 1.5 })).toEqual([
      { path: '$.options', value: 'yes', message: '$.options: string found, array expected' },
      { path: '$.open', value: 'no', message: '$.open: string found, boolean expected' },
      { path: '$.duration', value: 1.5, message: '$.duration: number found, integer expected' },
    ]);
    expect(checkSchema(POLL, null)).toEqual([
      { path: '$', value: null, message: '$: null found, object expected' },
    ]);
  });

  it('reports a missing property on the enclosing object and an unknown one on itself', () => {
    expect(checkSchema(POLL, { other: 1 })).toEqual([
      { path: '$', value: { other: 1 }, message: '$.options: is missing but it is required' },
      {
        path: '$.other',
        value: 1,
        message: '$.other: is not defined in the schema and the schema does not allow additional properties',
      },
    ]);
  });

  it('checks bounds, enumerations, patterns and array items', () => {
    const messages = (value: unknown) => checkSchema(POLL, value).map((violation) => violation.message);
    expect(messages({ options: ['', 'toolong', 'c', 'd', 'e'], duration: 61, kind: 'c', id: 'x' })).toEqual([
      '$.options: there must be a maximum of 4 items in the array',
      '$.options[0]: must be at least 1 characters long',
      '$.options[1]: must be at most 5 characters long',
      '$.duration: must have a maximum value of 60',
      '$.kind: does not have a value in the enumeration [a, b]',
      '$.id: does not match the regex pattern ^[0-9]+$',
    ]);
    expect(messages({ options: ['a'], duration: 4 })).toEqual([
      '$.options: there must be a minimum of 2 items in the array',
      '$.duration: must have a minimum value of 5',
    ]);
    expect(checkSchema(arr(bool, 1), [])[0]?.message).toBe(
      '$: there must be a minimum of 1 item in the array',
    );
  });

  it('checks a value found at another path than the root', () => {
    expect(checkSchema(str({ maxLength: 1 }), 'ab', '$.meta.text')).toEqual([
      { path: '$.meta.text', value: 'ab', message: '$.meta.text: must be at most 1 characters long' },
    ]);
  });

  it('counts string lengths in code points', () => {
    expect(checkSchema(str({ maxLength: 2 }), '😀😀')).toEqual([]);
  });
});
