import * as z from 'zod/mini';
import type { SmmkitErrorOptions } from '../errors/smmkit-error.js';
import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { describeIssue } from '../models/issue-message.js';

/** The outcome of {@link safeParseModel}: the parsed value, or every problem found. */
export type SafeParseModelResult<T> =
  | {
      /** The input was valid. */
      readonly success: true;
      /**
       * The parsed value (defaults applied, instants as `Date`, unknown keys removed where the
       * schema is not strict).
       */
      readonly data: T;
    }
  | {
      /** The input was invalid. */
      readonly success: false;
      /** Every problem found, in input order. */
      readonly problems: readonly ValidationProblem[];
    };

/**
 * Parses `input` with a zod schema and turns every issue into a {@link ValidationProblem}
 * (rule `schema.<issue code>`) instead of throwing. Adapters use it to check their own option
 * schemas and prefix the paths, e.g. with `['options', 'x']`.
 *
 * It never throws, whatever `input` is: an input that throws while being read (a getter, a
 * `Proxy` trap, a poisoned `length`) gives one `schema.unreadable` problem at the root. What it
 * threw is not copied into the problem, since it is arbitrary text.
 *
 * @example
 * ```ts
 * const result = safeParseModel(PollSchema, { options: ['yes'], durationMinutes: 60 });
 * if (!result.success) console.log(result.problems[0]?.message); // "must have at least 2 items"
 * ```
 */
export function safeParseModel<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
): SafeParseModelResult<z.output<S>> {
  try {
    // reportInput: the issue's input is needed to measure "actual" (lengths); it is never copied out.
    const result = z.safeParse(schema, input, { error: describeIssue, reportInput: true });
    if (result.success) return { success: true, data: result.data };
    return { success: false, problems: result.error.issues.map(toProblem) };
  } catch {
    // zod reads the input's properties, and measuring an issue reads `length`: either may throw.
    return { success: false, problems: [UNREADABLE] };
  }
}

/** The problem of an input that threw while being read. */
const UNREADABLE: ValidationProblem = Object.freeze({
  path: [],
  rule: 'schema.unreadable',
  message: 'could not be read: reading it threw (a getter or Proxy?); pass plain data',
});

/**
 * Parses `input` with a model schema, or throws one `ValidationError` that lists every problem
 * at once (path, rule `schema.<issue code>`, message, and limit/actual for size rules).
 *
 * @param schema - the model's schema, e.g. `PostSchema`
 * @param input - the value to parse, e.g. from JSON
 * @param subject - what is parsed, for the error message (`post`, `schedule entry`, …)
 * @param options - context for the error, e.g. the `platform` whose settings are parsed
 * @returns the parsed value
 * @throws ValidationError when the input breaks any rule of the schema
 *
 * @example
 * ```ts
 * try {
 *   parseModel(PostSchema, { media: [{ kind: 'image' }] }, 'post');
 * } catch (error) {
 *   if (ValidationError.isInstance(error)) console.log(error.problems.map((p) => p.path.join('.')));
 * }
 * ```
 */
export function parseModel<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  subject: string,
  options: SmmkitErrorOptions = {},
): z.output<S> {
  const result = safeParseModel(schema, input);
  if (result.success) return result.data;
  throw new ValidationError(result.problems, subject, options);
}

/**
 * What a schema's own check (`z.custom` or `z.refine`) may put in its `params` to shape the
 * problem it reports (the adapter kit's `settingIssue` builds them): a stable `rule` instead of
 * `schema.custom`, the `limit`, and `showsValue` to copy the value checked into `actual`
 * (a number; text or a list of text, cut to 200 characters). Never set `showsValue` on a secret.
 */
export interface ProblemParams {
  /** The problem's rule, such as `settings.positive_integer`. */
  readonly rule: string;
  /** The limit the rule enforces, when it has one. */
  readonly limit?: number | string | undefined;
  /** Whether the value checked may be shown as the problem's `actual`. */
  readonly showsValue?: boolean | undefined;
}

function toProblem(issue: z.core.$ZodIssue): ValidationProblem {
  const problem = {
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key.description) : key)),
    rule: `schema.${issue.code}`,
    message: issue.message,
  };
  if (issue.code === 'custom') return withParams(problem, issue.params, issue.input);
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
    const limit = issue.origin === 'date' ? new Date(Number(bound)).toISOString() : Number(bound);
    const actual = measure(issue.input);
    return actual === undefined ? { ...problem, limit } : { ...problem, limit, actual };
  }
  return problem;
}

/** Longest text copied into `actual`: enough to recognise a value, never a whole document. */
const MAX_SHOWN = 200;

/** Applies a custom check's {@link ProblemParams}; a check without a `rule` keeps `schema.custom`. */
function withParams(
  problem: ValidationProblem,
  params: Readonly<Record<string, unknown>> | undefined,
  input: unknown,
): ValidationProblem {
  if (typeof params?.rule !== 'string') return problem;
  const { limit } = params;
  const actual = params.showsValue === true ? shown(input) : undefined;
  return {
    ...problem,
    rule: params.rule,
    ...(typeof limit === 'number' || typeof limit === 'string' ? { limit } : {}),
    ...(actual === undefined ? {} : { actual }),
  };
}

/** A number as it is; text, or a list of text joined with commas, cut to {@link MAX_SHOWN}. */
function shown(input: unknown): number | string | undefined {
  if (typeof input === 'number') return input;
  const text =
    Array.isArray(input) && input.every((item) => typeof item === 'string') ? input.join(',') : input;
  if (typeof text !== 'string') return undefined;
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** The size zod compared against the bound: a length, a count or the number itself. */
function measure(input: unknown): number | undefined {
  if (typeof input === 'number') return input;
  if (typeof input === 'string' || Array.isArray(input)) return input.length;
  if (input instanceof Set) return input.size;
  return undefined;
}
