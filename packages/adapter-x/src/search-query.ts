import { ValidationError, type ValidationProblem } from '@smmkit/core';

// The query language of recent search (https://docs.x.com/x-api/posts/search/integrate/build-a-query
// and https://docs.x.com/x-api/posts/search/integrate/operators):
// - a keyword is a tokenized match; a string with punctuation, symbols or spaces ("coca-cola")
//   matches only in double quotes, as an exact phrase;
// - `#tag` matches the exact hashtag (`#thanku` does not match #thankunext);
// - `OR` joins alternatives, a space is AND, and AND binds first: `a OR b -x` reads `a OR (b -x)`,
//   so alternatives go in parentheses before the exclusions that apply to all of them;
// - `-` negates, `from:` takes a user id or username, `-is:retweet` leaves reposts out;
// - a bare `and`/`or` is "ambiguous use … as a keyword": quote it to search for the word.

/** A keyword X matches as one token: letters, combining marks and digits only. */
const KEYWORD = /^[\p{L}\p{M}\p{N}]+$/u;
/**
 * A hashtag as twitter-text recognises one (https://github.com/twitter/twitter-text, hashtag
 * rules): letters, marks, digits and `_`, with at least one letter or mark (`#2026` is no hashtag).
 */
const HASHTAG = /^#[\p{L}\p{M}\p{Nd}_]*[\p{L}\p{M}][\p{L}\p{M}\p{Nd}_]*$/u;
/** Words X reads as boolean operators when bare. */
const OPERATOR_WORD = /^(and|or)$/i;

/** A term as a query operand, or why it cannot be one. */
type Operand = { readonly operand: string } | { readonly problem: string };

/**
 * The recent-search query that finds public posts mentioning any of `terms`, leaving out the
 * account's own posts and reposts: `(acme OR "acme coffee" OR #acme) -from:<id> -is:retweet`
 * (one term goes without parentheses). Words are sent as keywords; a word with punctuation or
 * symbols, or several words, as a quoted exact phrase; `"phrases"` as they are; `#hashtags` as
 * hashtags. Repeated terms are sent once.
 *
 * @param terms - words, `"quoted phrases"` and `#hashtags`
 * @param accountId - the searching account's user id, whose own posts are left out
 * @param maxLength - the longest query the app's access level takes, in characters
 * @returns the query
 * @throws ValidationError before any request: `search.terms` without terms, `search.term` for a
 *   term that is empty, an empty `#`, or a phrase with a double quote inside, `search.query_length`
 *   for a query longer than `maxLength`
 *
 * @example
 * ```ts
 * xMentionSearchQuery(['acme', '"acme coffee"', '#AcmeCoffee'], '2244994945', 512);
 * // '(acme OR "acme coffee" OR #AcmeCoffee) -from:2244994945 -is:retweet'
 * ```
 */
export function xMentionSearchQuery(terms: readonly string[], accountId: string, maxLength: number): string {
  const problems: ValidationProblem[] = [];
  if (terms.length === 0)
    problems.push({
      path: ['terms'],
      rule: 'search.terms',
      message: 'needs at least one term to search for',
    });
  const operands: string[] = [];
  terms.forEach((term, index) => {
    const read = operandOf(term);
    if ('problem' in read)
      problems.push({ path: ['terms', index], rule: 'search.term', message: read.problem });
    else if (!operands.includes(read.operand)) operands.push(read.operand);
  });
  if (problems.length > 0) throw refusal(problems);

  const alternatives = operands.length === 1 ? operands.join('') : `(${operands.join(' OR ')})`;
  const query = `${alternatives} -from:${accountId} -is:retweet`;
  // Counted in code points, as the spec's `maxLength` (JSON Schema) counts characters.
  const length = [...query].length;
  if (length > maxLength) {
    throw refusal([
      {
        path: ['terms'],
        rule: 'search.query_length',
        message: `make a query of ${length} characters, more than the ${maxLength} X takes; search for fewer or shorter terms`,
        limit: maxLength,
        actual: length,
      },
    ]);
  }
  return query;
}

function operandOf(raw: string): Operand {
  const term = raw.trim();
  if (term === '') return { problem: 'is empty' };
  if (term.startsWith('#')) {
    return HASHTAG.test(term)
      ? { operand: term }
      : { problem: 'is not a hashtag X recognises (letters, digits and _, with at least one letter)' };
  }
  const quoted = term.length >= 2 && term.startsWith('"') && term.endsWith('"');
  const phrase = quoted ? term.slice(1, -1).trim() : term;
  if (phrase === '') return { problem: 'is an empty phrase' };
  if (phrase.includes('"')) return { problem: 'has a double quote inside; X phrases cannot contain one' };
  if (!quoted && KEYWORD.test(phrase) && !OPERATOR_WORD.test(phrase)) return { operand: phrase };
  return { operand: `"${phrase}"` };
}

function refusal(problems: readonly ValidationProblem[]): ValidationError {
  return new ValidationError(problems, 'mention search', { platform: 'x' });
}
