/** A request parameter as Rails parses it: a string, a file, a list or a nested object. */
export type ParamValue = string | number | boolean | null | Blob | ParamValue[] | ParamObject;

/** Parameters by name. */
export interface ParamObject {
  [name: string]: ParamValue;
}

/** The body could not be parsed (Rails answers 400). */
export class BadRequestBody extends Error {}

/**
 * Reads a request's parameters the way Rails does for Mastodon's API: JSON bodies as they are,
 * and form bodies (`application/x-www-form-urlencoded`, `multipart/form-data`) with bracket
 * names made into lists and objects (`media_ids[]=1`, `poll[options][]=a`, `poll[expires_in]=300`).
 * docs.joinmastodon.org/methods/statuses/#create accepts all three ("Form data parameters", JSON).
 *
 * @throws BadRequestBody when a JSON body does not parse
 */
export async function readParams(request: Request): Promise<ParamObject> {
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType.includes('application/json')) {
    const text = await request.text();
    if (text.trim() === '') return {};
    try {
      const parsed: unknown = JSON.parse(text);
      return isParamObject(parsed) ? parsed : {};
    } catch {
      throw new BadRequestBody('Error occurred while parsing request parameters');
    }
  }
  if (
    contentType.includes('multipart/form-data') ||
    contentType.includes('application/x-www-form-urlencoded')
  ) {
    const form = await request.formData();
    const params: ParamObject = {};
    form.forEach((value, name) => {
      assign(params, pathOf(name), value);
    });
    return params;
  }
  return {};
}

/**
 * {@link readParams}, or Rails' 400 when a JSON body does not parse.
 *
 * @example
 * ```ts
 * const params = await readParamsOrBadRequest(request);
 * if (params instanceof Response) return params;
 * ```
 */
export async function readParamsOrBadRequest(request: Request): Promise<ParamObject | Response> {
  try {
    return await readParams(request);
  } catch (error) {
    if (error instanceof BadRequestBody) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
}

/** Query parameters with Rails' bracket rules (`types[]=mention`). */
export function queryParams(url: URL): ParamObject {
  const params: ParamObject = {};
  url.searchParams.forEach((value, name) => {
    assign(params, pathOf(name), value);
  });
  return params;
}

/** A scalar parameter as a string; `undefined` when absent or not a scalar. */
export function paramString(params: ParamObject, name: string): string | undefined {
  const value = params[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A list parameter as strings; `undefined` when absent or not a list (Rails drops a scalar where it permits a list). */
export function paramStrings(params: ParamObject, name: string): string[] | undefined {
  const value = params[name];
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item) =>
    typeof item === 'string' || typeof item === 'number' ? [String(item)] : [],
  );
}

/**
 * A list parameter that Rails also accepts as one value (`types=mention` is `types[]=mention`,
 * as the notifications controller reads it through `Array(...)`).
 */
export function paramList(params: ParamObject, name: string): string[] | undefined {
  const single = paramString(params, name);
  return single === undefined ? paramStrings(params, name) : [single];
}

/**
 * A boolean as ActiveModel casts it: `false`, `0`, `f`, `off` (any case) are false, `''` is
 * absent, anything else is true.
 */
export function paramBoolean(params: ParamObject, name: string): boolean | undefined {
  const value = params[name];
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string' || value === '') return undefined;
  return !['false', '0', 'f', 'off'].includes(value.toLowerCase());
}

/** A nested object parameter (`poll`). */
export function paramObject(params: ParamObject, name: string): ParamObject | undefined {
  const value = params[name];
  return isParamObject(value) ? value : undefined;
}

/** A file parameter (`file` in a multipart body). */
export function paramFile(params: ParamObject, name: string): Blob | undefined {
  const value = params[name];
  return value instanceof Blob ? value : undefined;
}

function isParamObject(value: unknown): value is ParamObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Blob);
}

/** `poll[options][]` → `['poll', 'options', '']`. */
function pathOf(name: string): string[] {
  const match = name.match(/^([^[\]]+)((?:\[[^[\]]*\])*)$/);
  if (match === null) return [name];
  const [, base = name, brackets = ''] = match;
  const parts = [...brackets.matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1] ?? '');
  return [base, ...parts];
}

function assign(target: ParamObject, path: readonly string[], value: string | Blob): void {
  let node: ParamObject = target;
  for (let index = 0; index < path.length; index += 1) {
    const key = path[index] ?? '';
    const next = path[index + 1];
    if (next === undefined) {
      node[key] = value;
      return;
    }
    if (next === '') {
      // `key[]`: a list; deeper paths under `[]` (lists of objects) are not used by Mastodon's
      // status and media endpoints, so they keep only the scalar value.
      const list = node[key];
      if (Array.isArray(list)) list.push(value);
      else node[key] = [value];
      return;
    }
    const child = node[key];
    if (isParamObject(child)) {
      node = child;
    } else {
      const created: ParamObject = {};
      node[key] = created;
      node = created;
    }
  }
}
