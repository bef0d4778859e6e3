import { ValidationError, type ValidationProblem } from '@smmkit/core';
import { checkQueueSlots } from '@smmkit/core/scheduler';

type Path = readonly (string | number)[];

const EXAMPLES = 'write e.g. "Mon-Fri 09:00", "17:30" (every day) or "Sat,Sun 10:15"';

/**
 * What each of the scheduler's slot rules says, without the slot itself: a config's messages
 * never repeat its values (a value in the wrong key may be a pasted secret).
 */
const MESSAGES: Readonly<Record<string, string>> = {
  'slot.day':
    'has an unknown day: use Mon, Tue, Wed, Thu, Fri, Sat, Sun, a list (Sat,Sun) or a range (Mon-Fri)',
  'slot.time': 'has a time that is not a time of day: use 24-hour HH:mm from 00:00 to 23:59',
};

/**
 * The problems of an account's weekly queue slots, read by the scheduler's own grammar
 * (`checkQueueSlots`), so a config is refused for a slot the scheduler would refuse, before any
 * store is opened.
 *
 * @param slots - the account's `slots`, each a string
 * @param path - where they sit in the config (`['accounts', 0, 'slots']`)
 * @returns one problem per bad slot, its path `[...path, index]`; none for an empty list
 */
export function queueSlotProblems(slots: readonly string[], path: Path): ValidationProblem[] {
  if (slots.length === 0) return [];
  try {
    checkQueueSlots(slots, path);
    return [];
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    return error.problems.map((problem) => ({
      path: problem.path,
      rule: problem.rule,
      message: MESSAGES[problem.rule] ?? `is not a weekly slot: ${EXAMPLES}`,
    }));
  }
}
