import { ValidationError } from '../errors/validation-error.js';
import { unknownKeyProblems } from '../parse/unknown-keys.js';
import type { InboxFilter } from './inbox-api.js';

/** Every key `inbox.items` reads (the fields of {@link InboxFilter}). */
const FILTER_KEYS = [
  'platforms',
  'accounts',
  'kinds',
  'statuses',
  'assignee',
  'tag',
  'text',
  'from',
  'to',
  'deleted',
] as const satisfies readonly (keyof InboxFilter)[];

/**
 * Refuses a filter key `inbox.items` does not read: it would be ignored and the listing widened
 * without a word (`{ status: 'new' }` lists items already replied to as well, and a loop that
 * replies to each answers them twice).
 *
 * @param filter - the filter as passed
 * @throws ValidationError (rule `options.unknown_key`) naming each unknown key and the one it
 *   likely means ("unknown key `status`: did you mean `statuses`?")
 */
export function checkFilterKeys(filter: InboxFilter): void {
  const problems = unknownKeyProblems(filter, FILTER_KEYS);
  if (problems.length > 0) {
    throw new ValidationError(problems, 'inbox filter', {
      hint: "Filter with the keys inbox.items reads, each a list where it is plural: inbox.items({ statuses: ['new'], kinds: ['comment'] }).",
    });
  }
}
