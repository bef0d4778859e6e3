/** Small fetch helpers for driving the X simulator directly. */

/** A simulated instant the tests start from. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');

/** One request. */
export interface Call {
  readonly method?: string;
  readonly token?: string | undefined;
  readonly json?: unknown;
  readonly body?: BodyInit;
  readonly headers?: Record<string, string>;
}

/** Sends a request to `baseUrl + path` with a Bearer token (when given) and a JSON body (when given). */
export function call(
  baseUrl: string,
  path: string,
  { method = 'GET', token, json, body, headers = {} }: Call = {},
) {
  const all: Record<string, string> = { ...headers };
  if (token !== undefined) all.authorization = `Bearer ${token}`;
  if (json !== undefined) all['content-type'] = 'application/json';
  const init: RequestInit = { method, headers: all };
  if (json !== undefined) init.body = JSON.stringify(json);
  else if (body !== undefined) init.body = body;
  return fetch(`${baseUrl}${path}`, init);
}

/** A JSON body as a loose record for assertions. */
export async function read(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

/** `data` of an answer as a record. */
export async function data(response: Response): Promise<Record<string, unknown>> {
  return (await read(response)).data as Record<string, unknown>;
}

/** A form-encoded body. */
export function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}
