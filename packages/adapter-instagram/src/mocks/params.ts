/** Request parameters, merged from the query string and the body (later sources win). */
export type Params = ReadonlyMap<string, string>;

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Every parameter of a Graph request: the query string, then a form body
 * (`application/x-www-form-urlencoded` or multipart) or a JSON object body (meta-common.md
 * "Requests": a simulator accepts all three). JSON arrays of strings become comma lists
 * (`children: ["1","2"]` → `1,2`), other JSON values their JSON text (`user_tags`).
 */
export async function readParams(request: Request, url: URL): Promise<Params> {
  const params = new Map<string, string>();
  for (const [name, value] of url.searchParams) params.set(name, value);
  const type = request.headers.get('content-type') ?? '';
  if (request.method === 'GET' || request.method === 'HEAD') return params;
  try {
    if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
      const form = await request.formData();
      form.forEach((value, name) => {
        if (typeof value === 'string') params.set(name, value);
      });
    } else if (type.includes('json')) {
      const parsed: unknown = await request.json();
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        for (const [name, value] of Object.entries(parsed)) params.set(name, stringify(value));
    }
  } catch {
    // An unreadable body carries no parameters; the route then reports what is missing.
  }
  return params;
}

/** A comma-separated list parameter (`fields`, `metric`, `children`). */
export function listParam(params: Params, name: string): string[] {
  const raw = params.get(name);
  if (raw === undefined) return [];
  const trimmed = raw.trim();
  // `children` may also come as a JSON array in a query string.
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map((item) => String(item));
    } catch {
      // fall through to comma splitting
    }
  }
  return trimmed
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A boolean parameter (`true`/`false`, `1`/`0`), `undefined` when absent. */
export function boolParam(params: Params, name: string): boolean | undefined {
  const raw = params.get(name);
  if (raw === undefined) return undefined;
  return raw === 'true' || raw === '1';
}

/**
 * The requested fields (`fields=a,b{c},d`) as top-level names; nested selections are ignored
 * (`from{id,username}` → `from`).
 */
export function fieldsParam(params: Params): string[] {
  const raw = params.get('fields');
  if (raw === undefined) return [];
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of raw) {
    if (char === '{') depth += 1;
    else if (char === '}') depth -= 1;
    else if (char === ',' && depth === 0) {
      if (current.trim() !== '') names.push(current.trim());
      current = '';
    } else if (depth === 0) current += char;
  }
  if (current.trim() !== '') names.push(current.trim());
  return names.map((name) => name.replace(/\..*$/, ''));
}

/** `object` reduced to `fields` (always with `id`), or to `defaults` when no fields were asked. */
export function pick(
  object: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  defaults: readonly string[] = ['id'],
): Record<string, unknown> {
  const wanted = fields.length === 0 ? defaults : ['id', ...fields];
  const picked: Record<string, unknown> = {};
  for (const name of wanted) if (object[name] !== undefined) picked[name] = object[name];
  return picked;
}
