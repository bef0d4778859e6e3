import * as z from 'zod';

/**
 * A post as JSON. Kept open on purpose: `parsePost` then checks it and lists every problem at
 * once with its path, which tells a model more than a schema refusal of the first one.
 */
export const PostInput = z
  .record(z.string(), z.unknown())
  .describe(
    'The post, as smmkit\'s Post JSON: { "text"?, "title"?, "media"?: [{ "kind": "image"|"video"|"gif"|"document", ' +
      '"mimeType"?, "altText"?, "source": { "type": "url", "url": "https://…" } }], "link"?, "thread"?: [{ "text", "media"? }], ' +
      '"firstComment"?, "poll"?: { "options": [..], "durationMinutes" }, "tags"?, "campaign"?, "variant"?, ' +
      '"contentClass"?: "value"|"promotion", "options"?: { "<platform>": { … } } }. Media by URL only.',
  );

/** An ISO 8601 instant with `Z` or an offset. */
export const InstantInput = z.iso
  .datetime({ offset: true })
  .describe('An ISO 8601 instant with Z or an offset, e.g. "2026-05-04T07:00:00Z".');

/** An IANA time zone name. */
export const ZoneInput = z.string().min(1).describe('An IANA time zone, e.g. "Europe/Berlin".');

/** A list of the app's account ids (`brand-x`). */
export function accountIdsInput(description: string) {
  return z.array(z.string().min(1)).min(1).describe(description);
}
