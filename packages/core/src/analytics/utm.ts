import { urlsInText } from '../content/urls-in-text.js';
import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';

/**
 * Google Analytics campaign parameters (`utm_source`, `utm_medium`, `utm_campaign`,
 * `utm_content`, `utm_term`). `content` and `term` are left out when absent or blank.
 */
export interface UtmParams {
  /** Where the visit comes from (`x`, `instagram`, `newsletter`); required. */
  readonly source: string;
  /** The channel (`social`, `email`, `cpc`); required. */
  readonly medium: string;
  /** The campaign name (`spring-26`); required. */
  readonly campaign: string;
  /** What was clicked, to tell variants or accounts apart. */
  readonly content?: string | undefined;
  /** The paid keyword, if any. */
  readonly term?: string | undefined;
}

/** Where a link will be posted, for {@link utmForTarget}. */
export interface UtmTarget {
  /** Platform id; becomes `utm_source`. */
  readonly platform: string;
  /** The posting account's handle; becomes `utm_content` when `content` is not given. */
  readonly accountHandle?: string | undefined;
  /** The campaign name; becomes `utm_campaign`. */
  readonly campaign: string;
  /** Becomes `utm_content` (e.g. the A/B variant). */
  readonly content?: string | undefined;
  /** Overrides the default `utm_medium` of `social`. */
  readonly medium?: string | undefined;
  /** Becomes `utm_term`. */
  readonly term?: string | undefined;
}

/** Options for {@link addUtmToText}. */
export interface AddUtmOptions {
  /** Tags only the URLs it returns true for (e.g. your own domains); default: every http(s) URL. */
  readonly filter?: ((url: URL) => boolean) | undefined;
}

/** The query names in the order they are appended. */
const UTM_KEYS = [
  ['source', 'utm_source'],
  ['medium', 'utm_medium'],
  ['campaign', 'utm_campaign'],
  ['content', 'utm_content'],
  ['term', 'utm_term'],
] as const;

const REQUIRED = new Set(['source', 'medium', 'campaign']);

/**
 * Adds UTM parameters to an http(s) URL. A `utm_*` parameter the URL already has under the same
 * name is replaced; other parameters keep their order and exact encoding, and the fragment is
 * kept. Values are percent-encoded with `encodeURIComponent`.
 *
 * @param url - an absolute http or https URL
 * @param params - the UTM values
 * @returns the tagged URL (normalised by WHATWG `URL`, e.g. `https://a.com` → `https://a.com/…`)
 * @throws ValidationError when the URL is not http(s), a required parameter is blank, or a value
 *   is not well-formed Unicode (a lone surrogate, which has no percent-encoding)
 *
 * @example
 * ```ts
 * buildUtmUrl('https://shop.example/p?id=7#reviews', { source: 'x', medium: 'social', campaign: 'spring' });
 * // 'https://shop.example/p?id=7&utm_source=x&utm_medium=social&utm_campaign=spring#reviews'
 * ```
 */
export function buildUtmUrl(url: string | URL, params: UtmParams): string {
  const problems = paramProblems(params);
  const parsed = parseHttpUrl(url);
  if (parsed === undefined) {
    problems.unshift({ path: ['url'], rule: 'utm.url', message: 'must be an absolute http or https URL' });
  }
  if (parsed === undefined || problems.length > 0) throw new ValidationError(problems, 'UTM link');
  return tag(parsed, params);
}

/**
 * UTM parameters for a link posted to a platform: `utm_source` = platform, `utm_medium` =
 * `social` (unless `medium` is given), `utm_campaign` = campaign, `utm_content` = content, or the
 * account handle when no content is given (so an agency can tell its accounts apart).
 *
 * @param target - where the link is posted
 * @returns parameters for {@link buildUtmUrl} or {@link addUtmToText}
 *
 * @example
 * ```ts
 * utmForTarget({ platform: 'linkedin', accountHandle: 'acme', campaign: 'launch' });
 * // { source: 'linkedin', medium: 'social', campaign: 'launch', content: 'acme' }
 * ```
 */
export function utmForTarget(target: UtmTarget): UtmParams {
  const content = target.content ?? target.accountHandle;
  return {
    source: target.platform,
    medium: target.medium ?? 'social',
    campaign: target.campaign,
    ...(content === undefined ? {} : { content }),
    ...(target.term === undefined ? {} : { term: target.term }),
  };
}

/**
 * Tags every http(s) URL in a post's text with UTM parameters (see {@link buildUtmUrl}),
 * leaving the rest of the text, trailing punctuation and anything that is not a valid URL as it was.
 *
 * @param text - the post's text
 * @param params - the UTM values
 * @param options - see {@link AddUtmOptions}
 * @returns the text with tagged URLs
 * @throws ValidationError when a required parameter is blank, or a value is not well-formed
 *   Unicode (a lone surrogate, which has no percent-encoding)
 *
 * @example
 * ```ts
 * addUtmToText('New drop: https://shop.example/new!', utmForTarget({ platform: 'x', campaign: 'drop' }));
 * // 'New drop: https://shop.example/new?utm_source=x&utm_medium=social&utm_campaign=drop!'
 * ```
 */
export function addUtmToText(text: string, params: UtmParams, options: AddUtmOptions = {}): string {
  const problems = paramProblems(params);
  if (problems.length > 0) throw new ValidationError(problems, 'UTM parameters');
  return text.replace(urlsInText(), (match) => {
    const parsed = parseHttpUrl(match);
    if (parsed === undefined || (options.filter !== undefined && !options.filter(parsed))) return match;
    return tag(parsed, params);
  });
}

function parseHttpUrl(url: string | URL): URL | undefined {
  const href = typeof url === 'string' ? url.trim() : url.href;
  if (!URL.canParse(href)) return undefined;
  const parsed = new URL(href);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/**
 * A UTF-16 code unit of a surrogate pair standing alone. It is no character, so it has no UTF-8
 * form and `encodeURIComponent` throws a `URIError` on it (ECMA-262, Encode:
 * https://tc39.es/ecma262/#sec-encode). With the `u` flag a whole pair is one code point, so only
 * a lone half matches.
 */
const LONE_SURROGATE = /\p{Surrogate}/u;

function paramProblems(params: UtmParams): ValidationProblem[] {
  return UTM_KEYS.flatMap(([key, name]): ValidationProblem[] => {
    const value = params[key];
    if (REQUIRED.has(key) && isBlank(value)) {
      return [{ path: [key], rule: 'utm.required', message: `${name} must not be blank` }];
    }
    if (value !== undefined && LONE_SURROGATE.test(value)) {
      return [
        {
          path: [key],
          rule: 'utm.well_formed',
          message: `${name} must be well-formed Unicode text (it holds half of a surrogate pair alone)`,
        },
      ];
    }
    return [];
  });
}

/** Reads a query name as a form decoder would (`+` is a space); a malformed escape is kept raw. */
function decodeName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}

/** Appends the parameters to a parsed URL, editing the raw query so other parameters keep their encoding. */
function tag(parsed: URL, params: UtmParams): string {
  const added = UTM_KEYS.flatMap(([key, name]) => {
    const value = params[key];
    return value === undefined || isBlank(value) ? [] : [{ name, value }];
  });
  const replaced = new Set<string>(added.map(({ name }) => name));
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !replaced.has(decodeName(pair)));
  const appended = added.map(({ name, value }) => `${name}=${encodeURIComponent(value)}`);
  const result = new URL(parsed.href);
  result.search = [...kept, ...appended].join('&');
  return result.href;
}
