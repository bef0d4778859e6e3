import { describe, expect, it } from 'vitest';
import { echoPattern } from '../../src/security/echo-pattern.js';
import { REDACTED, redactSecrets, secretRedactor } from '../../src/security/redact.js';

// A refresh token with the characters URL and JSON encoders rewrite: `/`, `+`, `=`, `-`.
const SECRET = 'rt/ab+cd-ef==';

describe('redactSecrets: every encoding a platform can echo a secret in', () => {
  it('redacts a secret echoed URL-encoded, with upper- or lower-case hex', () => {
    const upper = encodeURIComponent(SECRET); // rt%2Fab%2Bcd-ef%3D%3D
    expect(redactSecrets(`invalid refresh_token=${upper}`, [SECRET])).toBe(
      `invalid refresh_token=${REDACTED}`,
    );
    // The secret's letters are lower case already, so this lowers only the hex digits.
    expect(redactSecrets(`invalid ${upper.toLowerCase()}`, [SECRET])).toBe(`invalid ${REDACTED}`);
  });

  it('redacts a secret echoed form-encoded, where a space is a plus sign', () => {
    const secret = 'pass phrase 12345';
    const form = new URLSearchParams({ password: secret }).toString(); // password=pass+phrase+12345
    expect(redactSecrets(`rejected ${form}`, [secret])).toBe(`rejected password=${REDACTED}`);
  });

  it('redacts a secret echoed URL-encoded only in part (only `+` and `=` encoded)', () => {
    expect(redactSecrets('got rt/ab%2Bcd-ef%3D%3D', [SECRET])).toBe(`got ${REDACTED}`);
  });

  it('redacts a secret echoed JSON-escaped: \\u escapes of any character, and \\/', () => {
    expect(redactSecrets('{"detail":"token rt\\/ab+cd\\u002def\\u003d= bad"}', [SECRET])).toBe(
      `{"detail":"token ${REDACTED} bad"}`,
    );
    const allEscaped = [...SECRET].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    expect(redactSecrets(`"${allEscaped}"`, [SECRET])).toBe(`"${REDACTED}"`);
  });

  it('redacts a secret outside the Basic Multilingual Plane escaped as a surrogate pair', () => {
    const secret = 'key-😀-123456';
    expect(redactSecrets('echo key-\\ud83d\\ude00-123456', [secret])).toBe(`echo ${REDACTED}`);
  });

  it('still leaves other text alone and ignores short secrets', () => {
    expect(redactSecrets('rt%2Fab', [SECRET])).toBe('rt%2Fab');
    expect(redactSecrets('a%2Fb', ['a/b'])).toBe('a%2Fb');
  });

  it('finds a secret as is by plain replacement exactly where the full patterns would', () => {
    const token = 'AAAA/bb+cc=dd-ee';
    const plainToken = 'AAAA/bb_cc=dd-ee';
    const redact = secretRedactor([token, plainToken]);
    const texts = [
      `{"error":"bad token ${token}"}`,
      `plain ${plainToken} and ${plainToken} again`,
      `{"error":"bad token ${plainToken}"}`,
      'AAAA%2Fbb%2bcc%3Ddd-ee in a query',
      'AAAA\\/bb+cc=dd-ee in JSON',
      '\\u0041AAA/bb_cc=dd-ee escaped',
      `${plainToken} as is and AAAA%2Fbb_cc%3Ddd-ee encoded`,
      'nothing secret here',
      '',
    ];
    const full = (text: string) =>
      [token, plainToken].reduce((result, secret) => result.replace(echoPattern(secret), REDACTED), text);
    for (const text of texts) expect(redact(text)).toBe(full(text));
    expect(redact(`x ${plainToken} y`)).toBe(`x ${REDACTED} y`);
  });
});
