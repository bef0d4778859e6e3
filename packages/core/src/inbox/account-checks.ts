// Checks of the inbox's accounts, given as a list or returned by an `accounts` function: each
// mistake is a ValidationProblem with its path, never a TypeError from reading a bad shape.

import type { Adapter } from '../adapter/adapter.js';
import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { describeKind } from '../parse/value-kind.js';
import type { InboxAccount } from './inbox-account.js';

/** The hint of an `accounts` function's bad answer: the round is refused, the next one reads again. */
const ACCOUNTS_FUNCTION_HINT =
  'Fix what your accounts function returns; this round polled nothing, and the next round calls it again.';

/**
 * What an `accounts` function returned, checked.
 *
 * @param accounts - what the function returned (awaited)
 * @param adapters - the inbox's adapters by platform id
 * @returns the accounts
 * @throws ValidationError (with a hint) when it is not a list, or for an account that is not
 *   one, without an adapter or id, with bad posts or search terms, or listed twice
 */
export function checkedAccounts(
  accounts: unknown,
  adapters: ReadonlyMap<string, Adapter>,
): readonly InboxAccount[] {
  const problems = accountsProblems(accounts, adapters, 'function');
  if (problems.length > 0)
    throw new ValidationError(problems, 'inbox accounts', { hint: ACCOUNTS_FUNCTION_HINT });
  return accounts as readonly InboxAccount[];
}

/**
 * What is wrong with the accounts given as a list (`list`) or returned by the accounts function
 * (`function`): not a list, or what {@link accountProblems} finds.
 *
 * @param accounts - the accounts as given
 * @param adapters - the inbox's adapters by platform id
 * @param givenAs - how they were given, for the message
 * @returns every problem, none when they are fine
 */
export function accountsProblems(
  accounts: unknown,
  adapters: ReadonlyMap<string, Adapter>,
  givenAs: 'list' | 'function',
): ValidationProblem[] {
  if (Array.isArray(accounts)) return accountProblems(accounts, adapters);
  const expected =
    givenAs === 'list'
      ? 'must be a list of accounts or a function that returns one'
      : 'the accounts function must return a list of accounts (or a promise of one)';
  return [
    { path: ['accounts'], rule: 'inbox.accounts', message: `${expected}, not ${describeKind(accounts)}` },
  ];
}

/**
 * What is wrong with the accounts: not an account, no adapter, no account id, posts that are
 * not a list of ids, search the adapter lacks or bad terms, listed twice.
 */
function accountProblems(
  accounts: readonly unknown[],
  adapters: ReadonlyMap<string, Adapter>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  accounts.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null) {
      problems.push({
        path: ['accounts', index],
        rule: 'inbox.account',
        message: `must be an account ({ platform, accountId }), not ${describeKind(entry)}`,
      });
      return;
    }
    const account = entry as InboxAccount;
    const key = JSON.stringify([account.platform, account.accountId]);
    if (typeof account.accountId !== 'string' || account.accountId === '') {
      problems.push({
        path: ['accounts', index, 'accountId'],
        rule: 'inbox.account_id',
        message: `must be the account's id on the platform (a non-empty string), not ${describeKind(account.accountId)}`,
      });
    }
    const { posts } = account;
    if (
      posts !== undefined &&
      !(Array.isArray(posts) && posts.every((id) => typeof id === 'string' && id !== ''))
    ) {
      problems.push({
        path: ['accounts', index, 'posts'],
        rule: 'inbox.posts',
        message: 'must be a list of platform post ids (non-empty strings)',
      });
    }
    if (!adapters.has(account.platform)) {
      problems.push({
        path: ['accounts', index, 'platform'],
        rule: 'inbox.account_platform',
        message: `no adapter for platform "${account.platform}"`,
      });
    }
    const adapter = adapters.get(account.platform);
    if (account.search !== undefined && adapter !== undefined) {
      if (adapter.searchMentions === undefined) {
        problems.push({
          path: ['accounts', index, 'search'],
          rule: 'inbox.search_unsupported',
          message: `the ${account.platform} adapter cannot search public posts (capabilities.engagement.search is false)`,
        });
      } else if (!Array.isArray(account.search)) {
        problems.push({
          path: ['accounts', index, 'search'],
          rule: 'inbox.search_terms',
          message: `must be a list of terms, not ${describeKind(account.search)}`,
        });
      } else if (account.search.length === 0) {
        problems.push({
          path: ['accounts', index, 'search'],
          rule: 'inbox.search_terms',
          message: 'needs at least one term, and no empty term',
        });
      } else {
        account.search.forEach((term: unknown, termIndex) => {
          if (typeof term === 'string' && term.trim() !== '') return;
          problems.push({
            path: ['accounts', index, 'search', termIndex],
            rule: 'inbox.search_terms',
            message:
              typeof term === 'string'
                ? 'needs at least one term, and no empty term'
                : `every term must be a string, not ${describeKind(term)}`,
          });
        });
      }
    }
    if (seen.has(key)) {
      problems.push({ path: ['accounts', index], rule: 'inbox.account_twice', message: 'is listed twice' });
    }
    seen.add(key);
  });
  return problems;
}
