import type { ValidationProblem } from '@smmkit/core';
import { countXText } from './count-text.js';
import type { XAccessLevel } from './settings.js';
import { cashtagProblem } from './validate.js';

/** The rules a reply's text is checked against: the account's text limit and the app's access. */
export interface XReplyTextRules {
  /** The account's post length limit in weighted characters (`capabilities.text.maxLength`). */
  readonly maxTextLength: number;
  /** The app's X API access: self-serve posts take at most 1 cashtag. */
  readonly access: XAccessLevel;
}

/**
 * Every problem that makes X refuse `text` as a reply that is a post (`POST /2/tweets` with
 * `reply.in_reply_to_tweet_id`), with no I/O: the same rules `validateXPost` applies to a post's
 * text, since a reply is a post (https://docs.x.com/x-api/posts/manage-tweets/introduction).
 *
 * - `text.required`: text is "Required unless media is provided" (`CreatePostsRequest.text` in
 *   https://api.x.com/2/openapi.json), and a reply carries no media;
 * - `text.max_length`: the weighted length ({@link countXText}) over the account's limit (280, or
 *   longer with X Premium). Only the text sent is counted: the @mentions X puts in front of a
 *   reply are not part of it and "don't count" ("Auto-populated @mentions at the start of
 *   replies", https://docs.x.com/fundamentals/counting-characters), while @mentions written into
 *   the text "count normally" (same page);
 * - `text.cashtags`: with self-serve access, at most 1 cashtag ("Posts created via the API are
 *   limited to a maximum of 1 cashtag", https://docs.x.com/x-api/posts/manage-tweets/integrate).
 *
 * @param text - the reply's text
 * @param rules - the account's text limit and the app's access
 * @returns every problem found; empty when X takes the text
 *
 * @example
 * ```ts
 * xReplyTextProblems('a'.repeat(281), { maxTextLength: 280, access: 'self-serve' });
 * // [{ path: ['text'], rule: 'text.max_length', limit: 280, actual: 281, … }]
 * ```
 */
export function xReplyTextProblems(text: string, rules: XReplyTextRules): ValidationProblem[] {
  if (text.trim() === '') {
    return [{ path: ['text'], rule: 'text.required', message: 'X needs text in a reply' }];
  }
  const problems: ValidationProblem[] = [];
  const length = countXText(text);
  if (length > rules.maxTextLength) {
    problems.push({
      path: ['text'],
      rule: 'text.max_length',
      message: `is ${length} characters long; X allows ${rules.maxTextLength}`,
      limit: rules.maxTextLength,
      actual: length,
    });
  }
  const tooManyCashtags = rules.access === 'self-serve' ? cashtagProblem(text, ['text']) : undefined;
  if (tooManyCashtags !== undefined) problems.push(tooManyCashtags);
  return problems;
}
