import * as z from 'zod/mini';
import { connectionShape } from '../accounts/account-record.js';
import type { ValidationProblem } from '../errors/validation-error.js';
import { safeParseModel } from '../parse/parse-model.js';
import { unknownKeyProblems } from '../parse/unknown-keys.js';
import { slotsWithoutZoneProblems } from './account-queue-problems.js';

/**
 * The keys of an account as the facade takes it: the connection's fields and nothing else.
 * `connectedAt` and `status` are allowed (and dropped when it is stored), so an account read from
 * the registry can be connected again as it is.
 */
const declaredShape = /* @__PURE__ */ (() => ({
  ...connectionShape,
  connectedAt: z.optional(z.unknown()),
  status: z.optional(z.unknown()),
}))();

/** The facade's account schema: {@link declaredShape}, refusing any other key. */
const DeclaredAccountSchema = /* @__PURE__ */ (() => z.strictObject(declaredShape))();

/**
 * An account read back from the registry (`smm.accounts.get`), which carries `connectedAt` and
 * `status` and may carry extras a store kept (the CLI's): its extras are the store's, not a typo.
 */
const RegistryRecordSchema = /* @__PURE__ */ (() => z.looseObject(declaredShape))();

/** Every key the facade's account takes. */
const DECLARED_KEYS: readonly string[] = /* @__PURE__ */ (() => Object.keys(declaredShape))();

/**
 * The problems of an account given to the facade (`createSmmkit({ accounts })`,
 * `smm.accounts.connect`): a bad field, or a key the facade does not take, each named with the
 * key it likely means ("unknown key `zone`: did you mean `timeZone`?"), and slots without a
 * `timeZone` (the facade has no default zone for them).
 *
 * @param account - what the user passed
 * @param path - where it is in what was passed (`['accounts', 0]`), prefixed to each problem's
 * @returns the problems (none for a valid account)
 */
export function declaredAccountProblems(
  account: unknown,
  path: readonly (string | number)[] = [],
): ValidationProblem[] {
  const parsed = safeParseModel(
    isRegistryRecord(account) ? RegistryRecordSchema : DeclaredAccountSchema,
    account,
  );
  // Slots without a zone are told once the account is well formed: a misnamed `zone` is told as
  // the unknown key it is, which mends both.
  if (parsed.success) return slotsWithoutZoneProblems(parsed.data, path);
  return parsed.problems.flatMap((problem) =>
    // zod finds the unknown keys; each gets its own problem, with the key it likely means.
    problem.rule === 'schema.unrecognized_keys'
      ? unknownKeyProblems(account, DECLARED_KEYS, [...path, ...problem.path])
      : [{ ...problem, path: [...path, ...problem.path] }],
  );
}

/** Whether `account` was read back from the registry: it has its `connectedAt` and `status`. */
function isRegistryRecord(account: unknown): boolean {
  return typeof account === 'object' && account !== null && 'connectedAt' in account && 'status' in account;
}
