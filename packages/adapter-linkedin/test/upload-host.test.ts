import { AuthError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { isTrustedUploadHost } from '../src/upload-part.js';
import { media, useLinkedIn } from './support/harness.js';

// A simulator whose upload URLs are on a host that is neither LinkedIn's nor the adapter's.
const h = useLinkedIn({ wwwUrl: 'https://uploads.example.com' });

describe('upload URLs', () => {
  it('never sends the member’s token to a host that is not LinkedIn’s', async () => {
    const error = await h
      .adapter()
      .publish({ text: 'Photo', media: [media('image', 'image/png')] }, h.context())
      .catch((caught: unknown) => caught);
    const [put] = h.linkedin.www.log.entries;
    expect(put?.method).toBe('PUT');
    expect(put?.headers.authorization).toBeUndefined();
    // Without the token, this upload host refuses the bytes, and nothing is posted.
    expect(AuthError.isInstance(error)).toBe(true);
    expect(h.linkedin.sim.log.forRoute('POST /rest/posts')).toHaveLength(0);
  });

  it('trusts LinkedIn’s hosts over HTTPS and the adapter’s own origin', () => {
    const api = 'https://api.linkedin.com';
    expect(isTrustedUploadHost('https://www.linkedin.com/dms-uploader/upload/1/0', api)).toBe(true);
    expect(isTrustedUploadHost('https://linkedin.com/x', api)).toBe(true);
    expect(isTrustedUploadHost('http://www.linkedin.com/x', api)).toBe(false);
    expect(isTrustedUploadHost('https://www.linkedin.com.example.net/x', api)).toBe(false);
    expect(isTrustedUploadHost('https://evil-linkedin.com/x', api)).toBe(false);
    expect(isTrustedUploadHost('http://localhost:8080/upload', 'http://localhost:8080')).toBe(true);
    expect(isTrustedUploadHost('not a url', api)).toBe(false);
  });
});
