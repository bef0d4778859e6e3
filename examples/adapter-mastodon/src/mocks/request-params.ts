import { type RequestParams, readParams } from '@smmkit/testkit/simulator-kit';

/**
 * The request's parameters as Rails reads them for Mastodon's API (testkit's `readParams`: query,
 * JSON or form body, bracket names such as `poll[options][]`; docs.joinmastodon.org/methods/statuses/#create
 * takes form data and JSON); throws Rails' 400 when a JSON body does not parse (a thrown `Response` is
 * the route's answer: testkit's `RouteResolver`).
 *
 * @example
 * ```ts
 * const params = await readParamsOrBadRequest(request);
 * ```
 */
export async function readParamsOrBadRequest(request: Request): Promise<RequestParams> {
  try {
    return await readParams(request);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw Response.json({ error: 'Error occurred while parsing request parameters' }, { status: 400 });
  }
}

/**
 * A boolean as ActiveModel casts it: `false`, `0`, `f`, `off` (any case) are false, `''` is
 * absent, anything else is true.
 */
export function paramBoolean(params: RequestParams, name: string): boolean | undefined {
  const value = params.value(name);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string' || value === '') return undefined;
  return !['false', '0', 'f', 'off'].includes(value.toLowerCase());
}

/**
 * A list parameter that Rails also accepts as one value (`types=mention` is `types[]=mention`,
 * as the notifications controller reads it through `Array(...)`).
 */
export function paramList(params: RequestParams, name: string): string[] | undefined {
  const single = params.string(name);
  return single === undefined ? params.strings(name) : [single];
}
