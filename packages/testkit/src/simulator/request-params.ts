/**
 * A request's parameters, read by {@link readParams}: typed getters over the query string and the
 * body together.
 *
 * @example
 * ```ts
 * const params = await readParams(request);
 * const options = params.object('poll')?.strings('options') ?? [];
 * ```
 */
export interface RequestParams {
  /** A scalar as a string (JSON numbers and booleans too); `undefined` when absent or not a scalar. */
  string(name: string): string | undefined;
  /** A list (`media_ids[]=1&media_ids[]=2`, a JSON array) as strings; `undefined` when absent or not a list. */
  strings(name: string): string[] | undefined;
  /** Nested parameters (`poll[expires_in]=300`, a JSON object); `undefined` when absent or not an object. */
  object(name: string): RequestParams | undefined;
  /** An uploaded file (a multipart part with a filename); `undefined` when absent. */
  file(name: string): Blob | undefined;
  /** The value as read: a string, a `Blob`, a list, an object, or what a JSON body holds. */
  value(name: string): unknown;
}

/**
 * The parameters of a request the way web frameworks (Rails, PHP, Express) read them: the query
 * string, then a JSON-object, `application/x-www-form-urlencoded` or `multipart/form-data` body
 * (later values win), with bracket names made into lists and objects (`media_ids[]=1`,
 * `poll[options][]=a`, `poll[expires_in]=300`). A JSON body that is not an object carries no
 * parameters. A simulator keeps only its platform's rules on top: how it casts booleans, what it
 * answers to a body it cannot read.
 *
 * @param request - the request (its body is read)
 * @returns the parameters
 * @throws SyntaxError when a JSON body, or a multipart or form body, does not parse
 *
 * @example
 * ```ts
 * let params: RequestParams;
 * try {
 *   params = await readParams(request);
 * } catch (error) {
 *   if (error instanceof SyntaxError) return Response.json({ error: 'bad JSON' }, { status: 400 });
 *   throw error;
 * }
 * const text = params.string('status') ?? '';
 * ```
 */
export async function readParams(request: Request): Promise<RequestParams> {
  const values: Record<string, unknown> = {};
  new URL(request.url).searchParams.forEach((value, name) => {
    assign(values, pathOf(name), value);
  });
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType.includes('application/json')) {
    const text = await request.text();
    const parsed: unknown = text.trim() === '' ? undefined : JSON.parse(text);
    if (isObject(parsed)) Object.assign(values, parsed);
  } else if (
    contentType.includes('multipart/form-data') ||
    contentType.includes('application/x-www-form-urlencoded')
  ) {
    // A form that does not parse is a malformed body, like bad JSON: the caller answers its 400.
    const form = await request.formData().catch((error: unknown) => {
      throw new SyntaxError(`The ${contentType.split(';')[0]} body is malformed.`, { cause: error });
    });
    form.forEach((value, name) => {
      assign(values, pathOf(name), value);
    });
  }
  return paramsOf(values);
}

function paramsOf(values: Readonly<Record<string, unknown>>): RequestParams {
  return {
    value: (name) => values[name],
    string(name) {
      const value = values[name];
      if (typeof value === 'string') return value;
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    },
    strings(name) {
      const value = values[name];
      if (!Array.isArray(value)) return undefined;
      return value.flatMap((item) =>
        typeof item === 'string' || typeof item === 'number' ? [String(item)] : [],
      );
    },
    object(name) {
      const value = values[name];
      return isObject(value) ? paramsOf(value) : undefined;
    },
    file(name) {
      const value = values[name];
      return value instanceof Blob ? value : undefined;
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Blob);
}

/** `poll[options][]` → `['poll', 'options', '']`. */
function pathOf(name: string): string[] {
  const match = name.match(/^([^[\]]+)((?:\[[^[\]]*\])*)$/);
  if (match === null) return [name];
  const [, base = name, brackets = ''] = match;
  return [base, ...[...brackets.matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1] ?? '')];
}

function assign(target: Record<string, unknown>, path: readonly string[], value: string | Blob): void {
  let node = target;
  for (let index = 0; index < path.length; index += 1) {
    const key = path[index] ?? '';
    const next = path[index + 1];
    if (next === undefined) {
      node[key] = value;
      return;
    }
    if (next === '') {
      // `key[]`: a list. Lists of objects (`a[][b]`) keep only the scalar value.
      const list = node[key];
      if (Array.isArray(list)) list.push(value);
      else node[key] = [value];
      return;
    }
    const child = node[key];
    const object = isObject(child) ? child : {};
    node[key] = object;
    node = object;
  }
}
