import type { AccountConnection } from '../accounts/account-store.js';
import type { ValidationProblem } from '../errors/validation-error.js';

/** The fields of an account its queue is made of, and its name. */
type QueueFields = Pick<AccountConnection, 'id' | 'slots' | 'timeZone'>;

/** Whether an account lists queue slots. */
const hasSlots = (account: QueueFields): boolean => account.slots !== undefined && account.slots.length > 0;

/**
 * The problem of a facade account with queue slots but no `timeZone`: slots are wall times in
 * that zone, and the facade has no default zone, so without one they would be dropped silently
 * and `'next-slot'` refused later.
 *
 * @param account - a well-formed account the user passed (`createSmmkit({ accounts })`,
 *   `smm.accounts.connect`)
 * @param path - where it is in what was passed (`['accounts', 0]`), prefixed to the problem's
 * @returns the problem, or none
 */
export function slotsWithoutZoneProblems(
  account: QueueFields,
  path: readonly (string | number)[] = [],
): ValidationProblem[] {
  if (!hasSlots(account) || account.timeZone !== undefined) return [];
  return [
    {
      path: [...path, 'timeZone'],
      rule: 'account.slots_zone',
      message: `account "${account.id.slice(0, 80)}" has slots but no timeZone: slots are wall times in the account's zone; set timeZone (an IANA zone such as 'Europe/Berlin')`,
    },
  ];
}

/**
 * The problems of planning `'next-slot'` through the facade for accounts of the registry: one per
 * account without slots or without a `timeZone`, all at once, each named by the app's id and at
 * its place in `to`. Nothing is planned when there is one (the call is all or nothing).
 *
 * @param accounts - the accounts `to` named, in its order
 * @returns the problems (none when every account has a queue)
 */
export function nextSlotProblems(accounts: readonly QueueFields[]): ValidationProblem[] {
  return accounts.flatMap((account, index): ValidationProblem[] => {
    // An account named twice in `to` is told once, at its first place.
    if (accounts.findIndex((other) => other.id === account.id) !== index) return [];
    const name = `account "${account.id.slice(0, 80)}"`;
    if (!hasSlots(account)) {
      return [
        {
          path: ['to', index],
          rule: 'account.no_slots',
          message: `'next-slot' needs queue slots, and ${name} has none: connect it again with timeZone and slots (smm.accounts.connect({ …, timeZone: 'Europe/Berlin', slots: ['Mon-Fri 09:00'] }, tokens)), or give a time instead`,
        },
      ];
    }
    if (account.timeZone !== undefined) return [];
    return [
      {
        path: ['to', index],
        rule: 'account.slots_zone',
        message: `'next-slot' needs the time zone of the slots, and ${name} has none: connect it again with its timeZone (an IANA zone such as 'Europe/Berlin'), or give a time instead`,
      },
    ];
  });
}
