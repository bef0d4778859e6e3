import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import { PostSchema } from '../../src/models/post.js';
import { parseModel, safeParseModel } from '../../src/parse/parse-model.js';
import { parseAccount, parsePost, parseTarget } from '../../src/parse/parse-models.js';

const boom = (): never => {
  throw new Error('SECRET-FROM-GETTER');
};

/** Inputs that throw when a property the schema reads is read. */
const throwingWhenRead: [string, unknown][] = [
  ['a throwing getter', Object.defineProperty({}, 'text', { get: boom, enumerable: true })],
  ['a Proxy whose get trap throws', new Proxy({}, { get: boom })],
  ['a nested throwing getter', { text: 'hi', media: [Object.defineProperty({}, 'kind', { get: boom })] }],
  ['an array Proxy whose length throws', { text: 'hi', tags: new Proxy(['a'], { get: boom }) }],
];

/** Proxies with traps the schema may or may not trigger. */
const otherTraps: [string, unknown][] = [
  ['a Proxy whose ownKeys trap throws', new Proxy({ text: 'hi' }, { ownKeys: boom })],
  ['a Proxy whose getPrototypeOf trap throws', new Proxy({ text: 'hi' }, { getPrototypeOf: boom })],
  ['a Proxy whose has trap throws', new Proxy({ text: 'hi' }, { has: boom })],
];

/** What `parse(input)` did: returned a value, or threw. */
function attempt(parse: (input: unknown) => unknown, input: unknown): { value?: unknown; thrown?: unknown } {
  try {
    return { value: parse(input) };
  } catch (thrown) {
    return { thrown };
  }
}

describe('parse functions: inputs that throw while being read', () => {
  it.each(throwingWhenRead)(
    'parsePost throws a ValidationError for %s, without what it threw',
    (_name, input) => {
      const { thrown } = attempt(parsePost, input);
      expect(ValidationError.isInstance(thrown)).toBe(true);
      expect((thrown as ValidationError).problems).toMatchObject([{ path: [], rule: 'schema.unreadable' }]);
      expect(String(thrown)).not.toContain('SECRET-FROM-GETTER');
    },
  );

  it.each(throwingWhenRead)(
    'safeParseModel returns the problem for %s instead of throwing',
    (_name, input) => {
      expect(safeParseModel(PostSchema, input)).toMatchObject({
        success: false,
        problems: [{ rule: 'schema.unreadable' }],
      });
    },
  );

  it.each(otherTraps)('parsePost returns a plain post or throws a ValidationError for %s', (_name, input) => {
    const { value, thrown } = attempt(parsePost, input);
    if (thrown === undefined) expect(value).toEqual({ text: 'hi' });
    else expect(ValidationError.isInstance(thrown)).toBe(true);
  });

  it('covers every parse function, since each goes through parseModel', () => {
    const input = new Proxy({}, { get: boom });
    for (const parse of [
      parseAccount,
      parseTarget,
      (value: unknown) => parseModel(PostSchema, value, 'post'),
    ]) {
      expect(ValidationError.isInstance(attempt(parse, input).thrown)).toBe(true);
    }
  });
});
