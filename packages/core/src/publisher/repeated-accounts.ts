import type { ValidationProblem } from '../errors/validation-error.js';
import type { Target } from '../models/target.js';

/**
 * One problem (rule `target.repeated_account`, path its index) per target whose account an earlier
 * target lists already. A publish call and a schedule entry list each account once: outbox keys
 * and target claims are per account, so a second version to one account (a story beside a feed
 * post) would find the first one's record and be reported as sent without going out.
 *
 * @param targets - the targets, in order
 * @param instead - what to do instead, ending the message (`publish each version in its own call`)
 * @returns the problems, in target order
 */
export function repeatedAccountProblems(targets: readonly Target[], instead: string): ValidationProblem[] {
  const listed = new Set<string>();
  return targets.flatMap((target, index): ValidationProblem[] => {
    // String(): publish() takes targets from JavaScript or unchecked JSON as they come.
    const account = `${String(target.platform)}\u0000${String(target.accountId)}`;
    if (!listed.has(account)) {
      listed.add(account);
      return [];
    }
    return [
      {
        path: [index],
        rule: 'target.repeated_account',
        message: `${target.platform} account ${target.accountId} is listed by an earlier target; ${instead}`,
      },
    ];
  });
}
