import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets, redactUrl } from '../../src/security/redact.js';

describe('redactSecrets', () => {
  it('replaces a secret with [REDACTED]', () => {
    expect(redactSecrets('Bearer abc123xyz rejected', ['abc123xyz'])).toBe('Bearer [REDACTED] rejected');
    expect(REDACTED).toBe('[REDACTED]');
  });

  it('replaces every occurrence of every secret', () => {
    const text = 'token=tok-123456 refresh=ref-654321 again tok-123456';
    expect(redactSecrets(text, ['tok-123456', 'ref-654321'])).toBe(
      'token=[REDACTED] refresh=[REDACTED] again [REDACTED]',
    );
  });

  it('ignores secrets shorter than 6 characters and undefined entries, but not 6-character ones', () => {
    expect(redactSecrets('code 12345 ok', ['12345', undefined, ''])).toBe('code 12345 ok');
    expect(redactSecrets('code 123456 ok', ['123456'])).toBe('code [REDACTED] ok');
  });

  it('takes any iterable of secrets', () => {
    expect(redactSecrets('a-secret-value', new Set(['secret-value']))).toBe('a-[REDACTED]');
  });

  it('leaves text without secrets unchanged', () => {
    expect(redactSecrets('nothing to hide', ['abcdefgh'])).toBe('nothing to hide');
  });
});

describe('redactUrl', () => {
  it('redacts access_token in the query and keeps other parameters', () => {
    expect(redactUrl('https://graph.facebook.com/v26.0/me?access_token=EAAB123secret&fields=id,name')).toBe(
      'https://graph.facebook.com/v26.0/me?access_token=%5BREDACTED%5D&fields=id%2Cname',
    );
  });

  it('redacts client_secret and code and keeps redirect_uri and state', () => {
    const url =
      'https://api.x.com/2/oauth2/token?code=auth-code-1&client_secret=s3cr3t-value&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=xyz';
    const redacted = redactUrl(url);
    expect(redacted).not.toContain('auth-code-1');
    expect(redacted).not.toContain('s3cr3t-value');
    const params = new URL(redacted).searchParams;
    expect(params.get('code')).toBe(REDACTED);
    expect(params.get('client_secret')).toBe(REDACTED);
    expect(params.get('redirect_uri')).toBe('https://app.example/cb');
    expect(params.get('state')).toBe('xyz');
  });

  it('matches parameter names case-insensitively and redacts every value of a repeated one', () => {
    const redacted = redactUrl('https://example.com/cb?Access_Token=first-token&access_token=second-token');
    expect(redacted).not.toContain('first-token');
    expect(redacted).not.toContain('second-token');
  });

  it('redacts user info and drops the password', () => {
    const redacted = redactUrl('https://alice:hunter2-pass@api.example.com/v1/items?page=2');
    expect(redacted).toBe('https://%5BREDACTED%5D@api.example.com/v1/items?page=2');
    expect(redacted).not.toContain('alice');
    expect(redacted).not.toContain('hunter2');
  });

  it('accepts a URL object and leaves a URL without secrets as it is', () => {
    expect(redactUrl(new URL('https://example.com/a?b=1&c=2'))).toBe('https://example.com/a?b=1&c=2');
  });

  it('returns [REDACTED] for a URL it cannot parse, rather than echoing it', () => {
    expect(redactUrl('not a url access_token=abc123secret')).toBe(REDACTED);
    expect(redactUrl('/relative/cb?code=abc123secret')).toBe(REDACTED);
  });
});
