/** Every URL counts as this many characters (docs.joinmastodon.org/api/guidelines/#links). */
export const URL_LENGTH = 23;

/** A link, mention or hashtag found in a status text, with its place in the text. */
export type TextEntity =
  | { readonly kind: 'url'; readonly start: number; readonly end: number; readonly url: string }
  | {
      readonly kind: 'mention';
      readonly start: number;
      readonly end: number;
      readonly username: string;
      readonly domain: string | undefined;
    }
  | { readonly kind: 'hashtag'; readonly start: number; readonly end: number; readonly name: string };

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

// Like twitter-text, which Mastodon extracts entities with: a URL needs its scheme
// (`extract_url_without_protocol: false`) and stops at whitespace and at quotes or angle brackets.
const URL_PATTERN = /https?:\/\/[^\s<>"]+/giu;
// Account::MENTION_RE: not after a word character, `=` or `/`; the username part, then an optional domain.
const MENTION_PATTERN =
  /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@([\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+))?/giu;
// Tag::HASHTAG_RE: not after a word character, `=`, `/` or `)`, and not only digits.
const HASHTAG_PATTERN = /(?<![=/)\p{L}\p{N}_])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;

/** Links, mentions and hashtags in `text`, in order, without overlaps (a URL wins over what it contains). */
export function extractEntities(text: string): TextEntity[] {
  const entities: TextEntity[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    entities.push({ kind: 'url', start: match.index, end: match.index + url.length, url });
  }
  for (const match of text.matchAll(MENTION_PATTERN)) {
    const username = match[1] ?? '';
    entities.push({
      kind: 'mention',
      start: match.index,
      end: match.index + match[0].length,
      username,
      domain: match[2],
    });
  }
  for (const match of text.matchAll(HASHTAG_PATTERN)) {
    entities.push({
      kind: 'hashtag',
      start: match.index,
      end: match.index + match[0].length,
      name: match[1] ?? '',
    });
  }
  const ordered = entities.sort((a, b) => a.start - b.start || kindRank(a) - kindRank(b));
  const kept: TextEntity[] = [];
  for (const entity of ordered) {
    const last = kept[kept.length - 1];
    if (last === undefined || entity.start >= last.end) kept.push(entity);
  }
  return kept;
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
  let countable = '';
  let cursor = 0;
  if (text.trim() !== '') {
    for (const entity of extractEntities(text)) {
      if (entity.kind === 'hashtag') continue;
      countable += text.slice(cursor, entity.start);
      countable += entity.kind === 'url' ? 'x'.repeat(URL_LENGTH) : `@${entity.username}`;
      cursor = entity.end;
    }
    countable += text.slice(cursor);
  }
  return graphemes(spoilerText + countable);
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
  let html = '';
  let cursor = 0;
  for (const entity of extractEntities(text)) {
    html += escapeHtml(text.slice(cursor, entity.start));
    html += entityHtml(entity, text.slice(entity.start, entity.end), renderer);
    cursor = entity.end;
  }
  html += escapeHtml(text.slice(cursor));
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n\n+/)
    .map((paragraph) => `<p>${paragraph.replace(/([^\n]\n)(?=[^\n])/g, '$1<br />')}</p>`)
    .join('')
    .replaceAll('\n', '');
}

/** HTML-escapes text as Rails' `html_escape` does. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function entityHtml(entity: TextEntity, source: string, renderer: TextRenderer): string {
  switch (entity.kind) {
    case 'url':
      return linkHtml(entity.url);
    case 'mention': {
      const account = renderer.resolveMention(entity.username, entity.domain);
      if (account === undefined) return escapeHtml(source);
      return `<span class="h-card" translate="no"><a href="${escapeHtml(account.url)}" class="u-url mention">@<span>${escapeHtml(account.username)}</span></a></span>`;
    }
    case 'hashtag': {
      const href = `${renderer.instanceUrl}/tags/${encodeURIComponent(entity.name)}`;
      return `<a href="${escapeHtml(href)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(entity.name)}</span></a>`;
    }
  }
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
  for (;;) {
    const last = url.at(-1);
    if (last !== undefined && '.,;:!?\'"'.includes(last)) {
      url = url.slice(0, -1);
    } else if (last === ')' && count(url, '(') < count(url, ')')) {
      url = url.slice(0, -1);
    } else {
      return url;
    }
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function kindRank(entity: TextEntity): number {
  return entity.kind === 'url' ? 0 : entity.kind === 'mention' ? 1 : 2;
}

let segmenter: Intl.Segmenter | undefined;

function graphemes(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
}
