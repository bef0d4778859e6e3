/** Every URL counts as this many characters (docs.joinmastodon.org/api/guidelines/#links). */
export const URL_LENGTH = 23;

/** Counts user-perceived characters, as Mastodon's length check does. */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A link, mention or hashtag found in a status text, with its place in the text. */
export interface TextEntity {
  /** What it is. */
  readonly kind: 'url' | 'mention' | 'hashtag';
  /** Where it starts in the text. */
  readonly start: number;
  /** Where it ends in the text (exclusive). */
  readonly end: number;
  /** The URL, the mentioned username, or the hashtag's name (without `@` or `#`). */
  readonly value: string;
  /** A mention's domain (`@user@domain`), if it names one. */
  readonly domain: string | undefined;
}

/** What rendering needs to know about the server: its URL, and which mentions are local accounts. */
export interface TextRenderer {
  /** The server's base URL. */
  readonly instanceUrl: string;
  /** The local account a mention names, if any. */
  resolveMention(
    username: string,
    domain: string | undefined,
  ): { readonly username: string; readonly url: string } | undefined;
}

/** What each kind of entity looks like, in the order that wins when two start at the same place. */
const PATTERNS: readonly (readonly [TextEntity['kind'], RegExp])[] = [
  // Like twitter-text, which Mastodon extracts entities with: a URL needs its scheme
  // (`extract_url_without_protocol: false`) and stops at whitespace and at quotes or angle brackets.
  ['url', /https?:\/\/[^\s<>"]+/giu],
  // Account::MENTION_RE: not after a word character, `=` or `/`; the username part, then an optional domain.
  [
    'mention',
    /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@([\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+))?/giu,
  ],
  // Tag::HASHTAG_RE: not after a word character, `=`, `/` or `)`, and not only digits.
  ['hashtag', /(?<![=/)\p{L}\p{N}_])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu],
];

/** Links, mentions and hashtags in `text`, in order, without overlaps (a URL wins over what it contains). */
export function extractEntities(text: string): TextEntity[] {
  const found = PATTERNS.flatMap(([kind, pattern]) =>
    [...text.matchAll(pattern)].map((match) => {
      const value = kind === 'url' ? trimUrl(match[0]) : (match[1] ?? '');
      const length = kind === 'url' ? value.length : match[0].length;
      return { kind, start: match.index, end: match.index + length, value, domain: match[2] };
    }),
  );
  // The sort is stable, so where two start together the earlier pattern's comes first and wins.
  const kept: TextEntity[] = [];
  for (const entity of found.sort((a, b) => a.start - b.start)) {
    if (entity.start >= (kept.at(-1)?.end ?? 0)) kept.push(entity);
  }
  return kept;
}

/** The hashtags of a text, lowercased, once each in text order (Mastodon matches tags regardless of case). */
export function hashtagsOf(text: string): Set<string> {
  const hashtags = extractEntities(text).filter((entity) => entity.kind === 'hashtag');
  return new Set(hashtags.map((entity) => entity.value.toLowerCase()));
}

/**
 * The length Mastodon checks against `max_characters`: the content warning plus the text, in
 * grapheme clusters, where every URL counts as 23 and a mention only as `@username`
 * (app/validators/status_length_validator.rb; docs.joinmastodon.org/user/posting/#text).
 *
 * @example
 * ```ts
 * statusLength('Hi @ana@other.example https://example.com/a/long/path', ''); // 3 + 4 + 1 + 23 = 31
 * ```
 */
export function statusLength(text: string, spoilerText: string): number {
  const counted = (entity: TextEntity, source: string) =>
    entity.kind === 'url' ? 'x'.repeat(URL_LENGTH) : entity.kind === 'mention' ? `@${entity.value}` : source;
  const countable = text.trim() === '' ? '' : rewrite(text, (part) => part, counted);
  return [...graphemes.segment(spoilerText + countable)].length;
}

/**
 * The `content` HTML Mastodon makes from a plain-text status: text HTML-escaped, links, local
 * mentions and hashtags as `<a>` tags (docs.joinmastodon.org/api/guidelines/#formatting), and
 * paragraphs as Rails' `simple_format` cuts them: a blank line starts a new `<p>`, a single line
 * break is `<br />`.
 *
 * @example
 * ```ts
 * statusHtml('Hello\nworld', renderer); // '<p>Hello<br />world</p>'
 * ```
 */
export function statusHtml(text: string, renderer: TextRenderer): string {
  if (text.trim() === '') return '';
  return rewrite(text, escapeHtml, (entity, source) => entityHtml(entity, source, renderer))
    .replace(/\r\n?/g, '\n')
    .split(/\n\n+/)
    .map((paragraph) => `<p>${paragraph.replace(/([^\n]\n)(?=[^\n])/g, '$1<br />')}</p>`)
    .join('')
    .replaceAll('\n', '');
}

/** What Rails' `html_escape` replaces each character with. */
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** HTML-escapes text as Rails' `html_escape` does. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** `text` with every entity replaced by `entity(it, its source)` and the text between them by `plain(part)`. */
function rewrite(
  text: string,
  plain: (part: string) => string,
  entity: (found: TextEntity, source: string) => string,
): string {
  let out = '';
  let cursor = 0;
  for (const found of extractEntities(text)) {
    out += plain(text.slice(cursor, found.start)) + entity(found, text.slice(found.start, found.end));
    cursor = found.end;
  }
  return out + plain(text.slice(cursor));
}

function entityHtml(entity: TextEntity, source: string, renderer: TextRenderer): string {
  if (entity.kind === 'url') return linkHtml(entity.value);
  if (entity.kind === 'hashtag') {
    const href = `${renderer.instanceUrl}/tags/${encodeURIComponent(entity.value)}`;
    return `<a href="${escapeHtml(href)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(entity.value)}</span></a>`;
  }
  const account = renderer.resolveMention(entity.value, entity.domain);
  if (account === undefined) return escapeHtml(source);
  return `<span class="h-card" translate="no"><a href="${escapeHtml(account.url)}" class="u-url mention">@<span>${escapeHtml(account.username)}</span></a></span>`;
}

/** TextFormatter#link_to_url: scheme (and `www.`) hidden, 30 characters shown, the rest hidden. */
function linkHtml(url: string): string {
  const prefix = url.match(/^https?:\/\/(www\.)?/i)?.[0] ?? '';
  const rest = url.slice(prefix.length);
  const shown = rest.slice(0, 30);
  const hidden = rest.slice(30);
  const ellipsis = rest.length > 30 ? 'ellipsis' : '';
  return (
    `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no">` +
    `<span class="invisible">${escapeHtml(prefix)}</span><span class="${ellipsis}">${escapeHtml(shown)}</span>` +
    `<span class="invisible">${escapeHtml(hidden)}</span></a>`
  );
}

/** Trailing punctuation ends a sentence, not the URL; a closing parenthesis only belongs when balanced. */
function trimUrl(candidate: string): string {
  let url = candidate;
  while (/[.,;:!?'"]$/.test(url) || (url.endsWith(')') && url.split('(').length < url.split(')').length)) {
    url = url.slice(0, -1);
  }
  return url;
}
