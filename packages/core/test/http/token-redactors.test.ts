import { describe, expect, it } from 'vitest';
import { tokenRedactors } from '../../src/http/token-redactors.js';

const TOKEN = 'AAAA/bb+cc=dd-ee';

describe('tokenRedactors', () => {
  it('redacts the token wherever it is echoed', () => {
    const redactorOf = tokenRedactors();
    expect(redactorOf(TOKEN)(`x ${TOKEN} y`)).toBe('x [REDACTED] y');
    expect(redactorOf(TOKEN)('AAAA%2Fbb%2bcc%3Ddd-ee in a query')).toBe('[REDACTED] in a query');
  });

  it('gives the same redactor for a token asked again', () => {
    const redactorOf = tokenRedactors();
    expect(redactorOf(TOKEN)).toBe(redactorOf(TOKEN));
  });

  it('leaves tokens shorter than 6 characters alone, as secretRedactor does', () => {
    expect(tokenRedactors()('abc12')('abc12 here')).toBe('abc12 here');
  });

  it('builds a dropped token again once more than 256 tokens were used', () => {
    const redactorOf = tokenRedactors();
    const first = redactorOf('token-0000');
    for (let n = 1; n <= 256; n += 1) redactorOf(`token-${String(n).padStart(4, '0')}`);
    const again = redactorOf('token-0000');
    expect(again).not.toBe(first);
    expect(again('a token-0000 b')).toBe('a [REDACTED] b');
  });
});
