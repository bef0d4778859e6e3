import { type JsonObject, readJsonBody } from '@smmkit/testkit/simulator-kit';
import { invalidParameter, invalidRequest } from './problems.js';

/** X ids are 1 to 19 digits (`^[0-9]{1,19}$` in https://api.x.com/2/openapi.json). */
export const ID_PATTERN = /^[0-9]{1,19}$/;

/**
 * The body as a JSON object; throws X's 400 when it is not one. X v2 endpoints take JSON bodies
 * (requestBody `application/json` in https://api.x.com/2/openapi.json).
 */
export async function readJsonObject(request: Request): Promise<JsonObject> {
  const body = await readJsonBody(request);
  if (body.kind === 'object') return body.value;
  // Empty, not JSON, or JSON that is no object: the same 400, worded as a client's test fixture has it
  // (ASSUMED).
  throw invalidRequest([{ parameters: {}, message: 'Request body must be a JSON object.' }]);
}

/**
 * X's 400 for a query or path parameter's value: "The `<name>` <where> parameter value [<value>]
 * <reason>", as X words its refusals of `since_id`, `max_results` and the like (see below).
 */
export function badValue(name: string, value: string, reason: string, where: 'query' | 'path' = 'query') {
  return invalidParameter(name, value, `The \`${name}\` ${where} parameter value [${value}] ${reason}`);
}

/** X's 400 for an id that is not `^[0-9]{1,19}$`: "The `since_id` query parameter value [x] does not match ^[0-9]{1,19}$" (a client's fixture quotes it). */
export function malformedId(name: string, value: string, where: 'query' | 'path' = 'query'): Response {
  return badValue(name, value, `does not match ${ID_PATTERN.source}`, where);
}

/**
 * `max_results` within `[min, max]`, `fallback` when absent; throws X's 400
 * "The `max_results` query parameter value [N] is not between 10 and 100" (quoted by users of
 * recent search; the same message serves every bounded integer parameter).
 */
export function maxResultsParam(url: URL, min: number, max: number, fallback: number): number {
  const raw = url.searchParams.get('max_results');
  if (raw === null) return fallback;
  if (/^-?\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max) return Number(raw);
  throw badValue('max_results', raw, `is not between ${min} and ${max}`);
}

/** An id query parameter (`since_id`); throws X's 400 ({@link malformedId}). */
export function idParam(url: URL, name: string): string | undefined {
  const raw = url.searchParams.get(name) ?? undefined;
  if (raw === undefined || ID_PATTERN.test(raw)) return raw;
  throw malformedId(name, raw);
}

/** How a date-time parameter begins (RFC 3339, `2025-01-17T09:13:00Z`); `Date.parse` reads the rest. */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** A date-time query parameter (`start_time`) as epoch ms; throws a 400 (ASSUMED wording). */
export function timeParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  const ms = Date.parse(raw);
  if (!Number.isNaN(ms) && DATE_TIME.test(raw)) return ms;
  throw badValue(name, raw, 'is not a valid date-time');
}
