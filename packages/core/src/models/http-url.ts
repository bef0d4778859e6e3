import * as z from 'zod/mini';

/** Says whether the URL is malformed or just uses another scheme (`ftp:`, `file:`, `data:`). */
function describeBadUrl(issue: { readonly input?: unknown }): string {
  const { input } = issue;
  return typeof input === 'string' && URL.canParse(input.trim())
    ? 'must be an http or https URL'
    : 'not a valid URL';
}

/**
 * An absolute `http:` or `https:` URL. Platforms fetch media and links from public web URLs
 * (Instagram `image_url`/`video_url`, TikTok `PULL_FROM_URL`), so other schemes are refused early.
 * Hosts are not restricted, so local simulators (`http://localhost:…`) work in tests.
 */
export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: describeBadUrl });
