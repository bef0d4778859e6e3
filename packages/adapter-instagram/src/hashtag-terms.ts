import { ValidationError } from '@smmkit/core';
import { INSTAGRAM_HASHTAG_BUDGET } from './capabilities.js';

/** Unique hashtags an IG user may query within a rolling 7 days (see `INSTAGRAM_HASHTAG_BUDGET`). */
const HASHTAG_QUERY_LIMIT = INSTAGRAM_HASHTAG_BUDGET.limit;

/**
 * A `#hashtag` term: letters, digits and underscores after the `#`. "Emojis in hashtag queries
 * are not supported"
 * (https://developers.facebook.com/docs/instagram-api/guides/hashtag-search),
 * so a term with one is no hashtag to search.
 */
const HASHTAG = /^#([\p{L}\p{N}_]+)$/u;

/**
 * The hashtags among a mention search's terms, lower-cased, without `#`, each once, in the order
 * given (Instagram hashtags ignore case). Words and phrases are left out: Instagram searches
 * public media by hashtag only.
 *
 * @param terms - the query's terms
 * @returns the hashtag names, at least one and at most 30
 * @throws ValidationError (`search.hashtag_required`) when no term is a hashtag, or
 *   (`search.too_many_hashtags`) when there are more than an account may query in 7 days
 *
 * @example
 * ```ts
 * instagramHashtags(['acme', '#AcmeCoffee', '#acmecoffee', '"acme coffee"']); // ['acmecoffee']
 * ```
 */
export function instagramHashtags(terms: readonly string[]): string[] {
  const names = [...new Set(terms.flatMap((term) => HASHTAG.exec(term.trim())?.[1]?.toLowerCase() ?? []))];
  if (names.length === 0)
    throw refusal(
      'search.hashtag_required',
      'Instagram searches public media by hashtag only: give at least one #hashtag term (letters, digits, underscores)',
    );
  if (names.length > HASHTAG_QUERY_LIMIT)
    throw refusal(
      'search.too_many_hashtags',
      `an Instagram account may query at most ${HASHTAG_QUERY_LIMIT} unique hashtags within 7 days; this query has ${names.length}`,
    );
  return names;
}

function refusal(rule: string, message: string): ValidationError {
  return new ValidationError([{ path: ['terms'], rule, message }], 'Instagram mention search', {
    platform: 'instagram',
  });
}
