import { AmbiguousOutcomeError } from '@smmkit/core';
import { EXIT, type ExitCode } from '../output/exit-codes.js';

/**
 * The exit code of a set of outcomes: any failure → 1, else any unknown → 3, else 0 (the codes
 * `smmkit --help` lists). `publish`, `schedule run` and `inbox reply` share it, so a script reads
 * every command's outcome the same way.
 */
export function exitOf(statuses: readonly string[]): ExitCode {
  if (statuses.includes('failed')) return EXIT.failure;
  if (statuses.includes('unknown')) return EXIT.unknown;
  return EXIT.ok;
}

/**
 * The status of an action that threw: `unknown` when the platform may have done it anyway (an
 * {@link AmbiguousOutcomeError}: the answer was lost after the request went out), else `failed`.
 * An unknown action must be checked on the platform before it is tried again.
 */
export function statusOfError(error: unknown): 'failed' | 'unknown' {
  return AmbiguousOutcomeError.isInstance(error) ? 'unknown' : 'failed';
}
