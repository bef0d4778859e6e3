import { describe, expect, it } from 'vitest';
import { describeThrown } from '../../src/security/safe-cause.js';

describe('describeThrown', () => {
  it('names an Error and its message, with secrets redacted, and keeps a safe copy as the cause', () => {
    const { cause, text } = describeThrown(new TypeError('token tok_live_123 rejected'), ['tok_live_123']);
    expect(text).toBe('TypeError: token [REDACTED] rejected');
    expect(cause).toBeInstanceOf(Error);
    expect(cause?.message).not.toContain('tok_live_123');
  });

  it('describes anything else by its type only: a thrown string could be a token', () => {
    expect(describeThrown('tok_live_123')).toEqual({ cause: undefined, text: 'a thrown string' });
  });
});
