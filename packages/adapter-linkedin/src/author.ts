import { type RequestContext, ValidationError } from '@smmkit/core';
import { isAuthorUrn } from './urn.js';

/**
 * Who a post or comment is by: the post's `options.linkedin.author`, else the adapter's `author`
 * setting, else the context account's `accountId`, which must then be a member or organization
 * URN (Posts API `author`,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 *
 * @param context - the call's context (its account)
 * @param chosen - the post's own author, then the adapter's default, when given
 * @returns the author URN
 * @throws ValidationError (rule `author.required`) when none of them is a URN, before any request
 *
 * @example
 * ```ts
 * resolveAuthor({ account: { platform: 'linkedin', accountId: 'urn:li:person:8675309' }, tokens }); // 'urn:li:person:8675309'
 * ```
 */
export function resolveAuthor(context: RequestContext, ...chosen: readonly (string | undefined)[]): string {
  const author = chosen.find((urn) => urn !== undefined) ?? context.account.accountId;
  if (isAuthorUrn(author)) return author;
  throw new ValidationError(
    [
      {
        path: ['author'],
        rule: 'author.required',
        message:
          "LinkedIn needs the author as a person or organization URN: set options.linkedin.author, the adapter's author setting, or use the URN as the account id",
      },
    ],
    'LinkedIn post',
    { platform: 'linkedin' },
  );
}
