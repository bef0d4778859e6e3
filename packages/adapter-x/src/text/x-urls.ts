// Where X sees URLs in a text, so that each counts 23 characters
// (https://docs.x.com/fundamentals/counting-characters: "This applies to any valid URL detected in
// post text"). X's detection is twitter-text's (https://github.com/twitter/twitter-text, js/src:
// extractUrlsWithIndices.js and regexp/; Copyright 2018 Twitter, Inc., Apache License 2.0); this is
// that algorithm rewritten for counting only, pattern for pattern, so both find the same URLs. The
// patterns work on UTF-16 code units (no `u` flag), as twitter-text's do.
import { asciiLabelLength } from './punycode-length.js';
import { COUNTRY_TLDS, GENERIC_TLDS } from './x-tlds.js';

/** A URL found in a text: where it starts and how many UTF-16 units X skips for it. */
export interface UrlSpan {
  readonly start: number;
  readonly length: number;
}

const INVALID = String.raw`\uFFFE\uFEFF\uFFFF`;
const DIRECTIONAL = String.raw`\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069`;
const SPACES = String.raw`\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000`;
const PUNCT = String.raw`\!'#%&'\(\)*\+,\\\-\.\/:;<=>\?@\[\]\^_{|}~\$`;
const LATIN_ACCENTS = String.raw`\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF`;
const CYRILLIC = String.raw`\u0400-\u04FF`;

/** What may end a domain: a listed TLD not followed by more of a name, or a Punycode label. */
const TLD = String.raw`(?:(?:${GENERIC_TLDS})(?=[^0-9a-zA-Z@+-]|$)|(?:${COUNTRY_TLDS})(?=[^0-9a-zA-Z@+-]|$)|(?:xn--[\-0-9a-z]+))`;

interface Patterns {
  readonly url: RegExp;
  readonly asciiDomain: RegExp;
  readonly tco: RegExp;
}

let compiled: Patterns | undefined;

/** Builds the patterns on first use: importing the adapter costs nothing for them. */
function patterns(): Patterns {
  if (compiled !== undefined) return compiled;
  const domainChar = `[^${PUNCT}${SPACES}${INVALID}${DIRECTIONAL}]`;
  const subdomain = `(?:(?:${domainChar}(?:[_-]|${domainChar})*)?${domainChar}\\.)`;
  const domainName = `(?:(?:${domainChar}(?:-|${domainChar})*)?${domainChar}\\.)`;
  const domain = `(?:${subdomain}*${domainName}${TLD})`;
  const preceding = `(?:[^A-Za-z0-9@＠$#＃${INVALID}]|[${DIRECTIONAL}]|^)`;
  const pathChar = String.raw`[a-z${CYRILLIC}0-9!\*';:=\+,\.\$\/%#\[\]\-\u2013_~@\|&${LATIN_ACCENTS}]`;
  const parens = String.raw`\((?:${pathChar}+|(?:${pathChar}*\(${pathChar}+\)${pathChar}*))\)`;
  const pathEnd = String.raw`[\+\-a-z${CYRILLIC}0-9=_#\/${LATIN_ACCENTS}]|(?:${parens})`;
  const path = String.raw`(?:(?:${pathChar}*(?:${parens}${pathChar}*)*${pathEnd})|(?:@${pathChar}+\/))`;
  const queryChar = String.raw`[a-z0-9!?\*'@\(\);:&=\+\$\/%#\[\]\-_\.,~|]`;
  const queryEnd = String.raw`[a-z0-9\-_&=#\/]`;
  compiled = {
    // Groups: 1 preceding character, 2 URL, 3 scheme, 4 domain, 5 port, 6 path, 7 query.
    url: new RegExp(
      String.raw`(${preceding})((https?:\/\/)?(${domain})(?::([0-9]+))?(\/${path}*)?(\?${queryChar}*${queryEnd})?)`,
      'gi',
    ),
    asciiDomain: new RegExp(String.raw`(?:(?:[\-a-z0-9${LATIN_ACCENTS}]+)\.)+${TLD}`, 'gi'),
    tco: new RegExp(String.raw`^https?:\/\/t\.co\/([a-z0-9]+)(?:\?${queryChar}*${queryEnd})?`, 'i'),
  };
  return compiled;
}

/** X's limit on a URL's length with its scheme; a longer one is not a URL. */
const MAX_URL_LENGTH = 4096;
/** A t.co link with a longer slug is not one X made, so it is not a URL. */
const MAX_TCO_SLUG_LENGTH = 40;

/**
 * Whether a domain passes twitter-text's IDNA check: a Punycode domain must be ASCII, and every
 * label must be 1–63 characters once in ASCII (RFC 1035 section 2.3.4).
 */
function validDomain(domain: string, asciiDomain: RegExp): boolean {
  if (domain.startsWith('xn--')) {
    asciiDomain.lastIndex = 0;
    if (!asciiDomain.test(domain)) return false;
  }
  return domain.split('.').every((label) => {
    const length = asciiLabelLength(label);
    return length >= 1 && length <= 63;
  });
}

/**
 * The URLs X finds in `text` (already NFC-normalised), in order: with a scheme (`http`, `https`),
 * or without one when the domain is ASCII and ends in a known TLD and does not follow `-`, `_`, `.`
 * or `/`. A t.co link ends after its slug and query.
 */
export function findXUrls(text: string): UrlSpan[] {
  if (!text.includes('.')) return [];
  const { url: pattern, asciiDomain, tco } = patterns();
  const spans: UrlSpan[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const before = match[1] ?? '';
    let url = match[2] ?? '';
    const scheme = match[3];
    const domain = match[4] ?? '';
    const path = match[6];
    const end = pattern.lastIndex;
    const start = end - url.length;
    if (!validDomain(domain, asciiDomain) || (scheme ?? 'https://').length + url.length > MAX_URL_LENGTH)
      continue;
    if (scheme === undefined) {
      if (/[-_./]$/.test(before)) continue;
      // Only the ASCII domains inside count; the last one takes the port, path and query with it.
      let last: { start: number; url: string } | undefined;
      let searchFrom = 0;
      asciiDomain.lastIndex = 0;
      for (let found = asciiDomain.exec(domain); found !== null; found = asciiDomain.exec(domain)) {
        const at = domain.indexOf(found[0], searchFrom);
        searchFrom = at + found[0].length;
        if (last !== undefined) spans.push({ start: last.start, length: last.url.length });
        last = { start: start + at, url: found[0] };
      }
      if (last === undefined) continue;
      spans.push({
        start: last.start,
        length: path ? url.replace(domain, last.url).length : last.url.length,
      });
      continue;
    }
    const tcoMatch = tco.exec(url);
    if (tcoMatch !== null) {
      if ((tcoMatch[1] ?? '').length > MAX_TCO_SLUG_LENGTH) continue;
      url = tcoMatch[0];
    }
    spans.push({ start, length: url.length });
  }
  return spans;
}
