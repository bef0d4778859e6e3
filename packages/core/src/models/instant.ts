import * as z from 'zod/mini';
import { _isoDateTime } from 'zod/v4/core';

/**
 * Explains why a value is not an instant. Only the union's own "no branch matched" issue lands
 * here; a string in the wrong format keeps the more precise `invalid_format` issue.
 */
function describeBadInstant(issue: { readonly input?: unknown }): string {
  const { input } = issue;
  if (input instanceof Date) return 'is an invalid Date';
  const got = input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
  return `expected a Date or an ISO-8601 date-time string with offset, got ${got}`;
}

/**
 * An instant in time: accepts a valid `Date` or an ISO-8601 date-time string with a `Z` or
 * `±hh:mm` offset, and always outputs a fresh `Date`.
 *
 * Strings are accepted so that a model survives `JSON.stringify` → `JSON.parse` → parse (a store
 * writes JSON, a worker reads it back). A string without an offset is rejected because it names
 * no single instant. The output is a copy, so changing the caller's `Date` later does not change
 * a parsed model.
 *
 * @example
 * ```ts
 * z.parse(InstantSchema, '2026-05-01T09:00:00+02:00'); // Date 2026-05-01T07:00:00.000Z
 * ```
 */
export const InstantSchema = /* @__PURE__ */ (() =>
  z.pipe(
    // z.iso.datetime({ offset: true }), built as it builds it: a bundler that sees the `z.iso`
    // namespace keeps all of it (date, time and duration schemas, their patterns) in every app.
    z.union([z.date(), _isoDateTime(z.ZodMiniISODateTime, { offset: true })], { error: describeBadInstant }),
    z.transform((value: Date | string): Date => new Date(value)),
  ))();

/** What {@link InstantSchema} accepts: a `Date` or an ISO-8601 date-time string with offset. */
export type InstantInput = z.input<typeof InstantSchema>;
