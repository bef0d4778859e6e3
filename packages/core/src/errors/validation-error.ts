import { SmmkitError, type SmmkitErrorOptions } from './smmkit-error.js';

/**
 * One broken rule in a post or model: where, which rule, the limit and what was found.
 *
 * @example
 * ```ts
 * const problem: ValidationProblem = {
 *   path: ['text'], rule: 'text.max_length', message: 'Text is 312 weighted characters; X allows 280.',
 *   limit: 280, actual: 312,
 * };
 * ```
 */
export interface ValidationProblem {
  /** Where the problem is, as keys and indexes from the root of the input (`['media', 1, 'sizeBytes']`). */
  readonly path: readonly (string | number)[];
  /** Stable rule id (`text.max_length`, `media.count`, `poll.options`, `schema.invalid_type`, …). */
  readonly rule: string;
  /** A sentence a person can act on. */
  readonly message: string;
  /** The limit the rule enforces, when it has one. */
  readonly limit?: number | string;
  /** What the input had, when it can be shown (never a secret). */
  readonly actual?: number | string;
}

/**
 * The input breaks one or more rules; nothing was sent to any platform. Holds every problem
 * at once so a user can fix them all in one go.
 */
export class ValidationError extends SmmkitError {
  static override readonly kind: string = 'ValidationError';
  /** Every problem found, in input order. */
  readonly problems: readonly ValidationProblem[];

  /**
   * @param problems - every problem found (at least one)
   * @param subject - what was validated, for the message (`post`, `ScheduleEntry`, …)
   * @param options - context; see {@link SmmkitErrorOptions}
   */
  constructor(problems: readonly ValidationProblem[], subject: string, options: SmmkitErrorOptions = {}) {
    super('validation_failed', describeProblems(problems, subject), false, {
      hint: 'Fix every listed problem and try again; nothing was sent.',
      ...options,
    });
    this.problems = Object.freeze([...problems]);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), problems: this.problems };
  }
}

function describeProblems(problems: readonly ValidationProblem[], subject: string): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((p) => `  - ${formatPath(p.path)}: ${p.message}`);
  return [`Invalid ${subject} (${count}):`, ...lines].join('\n');
}

/** Renders a path as `media[1].sizeBytes`, or `(root)` for the whole input. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}
