import { type JsonObject, readJsonBody } from '@smmkit/testkit/simulator-kit';
import { invalidParameter, invalidRequest } from './problems.js';

/** X ids are 1 to 19 digits (`^[0-9]{1,19}$` in https://api.x.com/2/openapi.json). */
export const ID_PATTERN = /^[0-9]{1,19}$/;

/**
 * The body as a JSON object, or X's 400 when it is not one. X v2 endpoints take JSON bodies
 * (requestBody `application/json` in https://api.x.com/2/openapi.json).
 */
export async function readJsonObject(request: Request): Promise<JsonObject | Response> {
  // Empty, not JSON, or JSON that is no object: the same 400, worded as a client's test fixture has it
  // (ASSUMED).
  const body = await readJsonBody(request);
  return body.kind === 'object'
    ? body.value
    : invalidRequest([{ parameters: {}, message: 'Request body must be a JSON object.' }]);
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
 * `max_results` within `[min, max]`, `fallback` when absent, or X's 400
 * "The `max_results` query parameter value [N] is not between 10 and 100" (quoted by users of
 * recent search; the same message serves every bounded integer parameter).
 */
export function maxResultsParam(url: URL, min: number, max: number, fallback: number): number | Response {
  const raw = url.searchParams.get('max_results');
  if (raw === null) return fallback;
  if (/^-?\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max) return Number(raw);
  return badValue('max_results', raw, `is not between ${min} and ${max}`);
}

/** An id query parameter (`since_id`), or X's 400 ({@link malformedId}). */
export function idParam(url: URL, name: string): string | undefined | Response {
  const raw = url.searchParams.get(name) ?? undefined;
  return raw === undefined || ID_PATTERN.test(raw) ? raw : malformedId(name, raw);
}

/** A date-time query parameter (`start_time`) as epoch ms, or a 400 (ASSUMED wording). */
export function timeParam(url: URL, name: string): number | undefined | Response {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  const ms = Date.parse(raw);
  if (!Number.isNaN(ms) && /^\d{4}-\d{2}-\d{2}T/.test(raw)) return ms;
  return badValue(name, raw, 'is not a valid date-time');
}

/** The first `Response` among values, so a route can validate several parameters and stop at the first problem. */
export function firstProblem(...values: readonly unknown[]): Response | undefined {
  return values.find((value): value is Response => value instanceof Response);
}
