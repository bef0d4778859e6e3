import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import { parseAccount } from '../../src/models/account.js';
import { parseModel, safeParseModel } from '../../src/models/parse-model.js';
import { parsePost, PostSchema } from '../../src/models/post.js';
import { parseTarget } from '../../src/models/target.js';

/** Inputs that throw while being read: a getter, Proxy traps, and a poisoned array length. */
function hostileInputs(): [string, unknown][] {
  const boom = (): never => {
    throw new Error('SECRET-FROM-GETTER');
  };
  return [
    ['a throwing getter', Object.defineProperty({}, 'text', { get: boom, enumerable: true })],
    ['a Proxy whose get trap throws', new Proxy({}, { get: boom })],
    ['a Proxy whose ownKeys trap throws', new Proxy({ text: 'hi' }, { ownKeys: boom })],
    ['a Proxy whose getPrototypeOf trap throws', new Proxy({}, { getPrototypeOf: boom })],
    ['a nested throwing getter', { text: 'hi', media: [Object.defineProperty({}, 'kind', { get: boom })] }],
    ['an array Proxy whose length throws', { text: 'hi', tags: new Proxy(['a'], { get: boom }) }],
  ];
}

describe('parse functions: inputs that throw while being read', () => {
  it.each(hostileInputs())('parsePost throws a ValidationError for %s', (_name, input) => {
    let thrown: unknown;
    try {
      parsePost(input);
    } catch (error) {
      thrown = error;
    }
    expect(ValidationError.isInstance(thrown)).toBe(true);
    expect(String(thrown)).not.toContain('SECRET-FROM-GETTER');
  });

  it.each(hostileInputs())('safeParseModel returns problems for %s', (_name, input) => {
    const result = safeParseModel(PostSchema, input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.problems.map((problem) => problem.rule)).toContain('schema.unreadable');
  });

  it('covers every parse function, since each goes through parseModel', () => {
    const [, input] = hostileInputs()[1] ?? [];
    for (const parse of [parseAccount, parseTarget, (value: unknown) => parseModel(PostSchema, value, 'post')]) {
      expect(() => parse(input)).toThrow(ValidationError);
    }
  });
});
