import { readParams } from '@smmkit/testkit/simulator-kit';

/** A Graph request's parameters, each as the string Graph reads (see {@link readGraphParams}). */
export interface GraphParams {
  /** The value of `name`: a scalar as sent, a JSON list of strings as a comma list, other JSON as its text. */
  get(name: string): string | undefined;
  /**
   * The file sent as the multipart part `name` (a part with a filename: a photo's `source`, a
   * video's `video_file_chunk`), with its bytes, size and type; `undefined` when there is none.
   */
  file(name: string): Blob | undefined;
}

/**
 * Every parameter of a Graph request: the query string, then a form or JSON body, read with
 * testkit's `readParams` (Graph takes all three, and the SDKs use different ones:
 * https://developers.facebook.com/docs/graph-api/overview). A JSON list of strings reads as a
 * comma list (`children: ["1","2"]` is `1,2`), other JSON values as their JSON text
 * (`user_tags`); a body that does not parse carries no parameters, and the route then reports
 * what is missing. Multipart file parts (Graph's uploads: `source` on `/photos` and `/videos`;
 * https://developers.facebook.com/docs/graph-api/reference/page/photos/) are no parameter of
 * `get` but are read whole with `file`. Routes declared with {@link createGraphSimulator} get
 * them read already.
 *
 * @example
 * ```ts
 * const params = await readGraphParams(request);
 * const message = params.get('message');
 * const photo = params.file('source'); // a Blob: photo?.size, photo?.type
 * ```
 */
export async function readGraphParams(request: Request): Promise<GraphParams> {
  const query = new Request(request.url);
  const params = await readParams(request).catch(() => readParams(query));
  return {
    get(name) {
      const value = params.value(name);
      // A file part carries no parameter: the query's value stands.
      if (value instanceof Blob) return new URL(query.url).searchParams.get(name) ?? undefined;
      if (value === undefined) return undefined;
      if (typeof value === 'string') return value;
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',');
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    },
    file: (name) => params.file(name),
  };
}

/**
 * A comma-separated list parameter (`fields`, `metric`, `children`), or a JSON list in a query string.
 *
 * @example
 * ```ts
 * const metrics = listParam(params, 'metric'); // ['reach', 'views'] for metric=reach,views
 * ```
 */
export function listParam(params: GraphParams, name: string): string[] {
  const raw = params.get(name)?.trim() ?? '';
  if (raw.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed)) return parsed.map((item) => String(item));
    } catch {
      // not JSON after all: read it as a comma list
    }
  }
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * A boolean parameter (`true`/`false`, `1`/`0`), `undefined` when absent.
 *
 * @example
 * ```ts
 * const hidden = boolParam(params, 'is_hidden');
 * ```
 */
export function boolParam(params: GraphParams, name: string): boolean | undefined {
  const raw = params.get(name);
  return raw === undefined ? undefined : raw === 'true' || raw === '1';
}

/** A modifier of a field in a `fields` parameter: `limit(2)` in `media.limit(2)`. */
export interface FieldModifier {
  /** The modifier's name, `limit`. */
  readonly key: string;
  /** Its value, `2`. */
  readonly value: string;
}

/** One top-level field of a `fields` parameter (https://developers.facebook.com/docs/graph-api/overview). */
export interface RequestedField {
  /** Its name: `mentioned_comment` in `mentioned_comment.comment_id(1){text}`. */
  readonly name: string;
  /** Its first modifier, `{ key: 'comment_id', value: '1' }` there; `undefined` without one. */
  readonly call: FieldModifier | undefined;
  /** Every modifier in order: `[limit(2), after(QVFI)]` for `media.limit(2).after(QVFI){id}`. */
  readonly modifiers: readonly FieldModifier[];
  /** The names of its sub-selection, `['text']` there. */
  readonly fields: string[];
  /** Its sub-selection read the same way, for nested expansions (`business_discovery.username(x){media.limit(2){id}}`). */
  readonly selection: readonly RequestedField[];
}

/**
 * The top-level fields of a `fields` parameter (`a,from{id,username},b.limit(2)`), in order, with
 * their modifiers and sub-selection, read again for nested expansions
 * (https://developers.facebook.com/docs/graph-api/overview, field expansion).
 *
 * @example
 * ```ts
 * requestedFields('mentioned_comment.comment_id(1){text}');
 * // [{ name: 'mentioned_comment', call: { key: 'comment_id', value: '1' }, modifiers: [{ key: 'comment_id', value: '1' }],
 * //    fields: ['text'], selection: [{ name: 'text', … }] }]
 * ```
 */
export function requestedFields(raw: string | undefined): RequestedField[] {
  return splitTopLevel(raw ?? '').map((part) => {
    const brace = topLevelBrace(part);
    const head = brace < 0 ? part : part.slice(0, brace);
    const inner = brace < 0 ? undefined : part.slice(brace + 1, part.lastIndexOf('}'));
    const modifiers = [...head.matchAll(/\.(\w+)\(([^)]*)\)/g)].map((match) => ({
      key: match[1] ?? '',
      value: (match[2] ?? '').trim(),
    }));
    const selection = requestedFields(inner);
    return {
      name: head.replace(/[.(].*$/s, '').trim(),
      call: modifiers[0],
      modifiers,
      fields: selection.map((field) => field.name),
      selection,
    };
  });
}

/** The parts of a list separated by commas outside braces and parentheses. */
function splitTopLevel(raw: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of `${raw},`) {
    if (char === ',' && depth === 0) {
      if (current.trim() !== '') parts.push(current.trim());
      current = '';
      continue;
    }
    if (char === '{' || char === '(') depth += 1;
    else if (char === '}' || char === ')') depth -= 1;
    current += char;
  }
  return parts;
}

/** Where a field's sub-selection opens (the first `{` outside parentheses), or -1. */
function topLevelBrace(part: string): number {
  let depth = 0;
  for (let index = 0; index < part.length; index += 1) {
    const char = part[index];
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '{' && depth === 0) return index;
  }
  return -1;
}

/**
 * The names of the top-level fields of a `fields` parameter (`from{id,username}` is `from`).
 *
 * @example
 * ```ts
 * fieldNames('id,from{id,username},message'); // ['id', 'from', 'message']
 * ```
 */
export const fieldNames = (raw: string | undefined): string[] =>
  requestedFields(raw).map((field) => field.name);

/**
 * `object` reduced to `fields` (always with `id`), or to `defaults` when no fields were asked;
 * fields the object does not have are left out, as Graph does.
 *
 * @example
 * ```ts
 * return Response.json(pick(postJson(post), fieldNames(params.get('fields')), ['id', 'message']));
 * ```
 */
export function pick(
  object: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  defaults: readonly string[] = ['id'],
): Record<string, unknown> {
  const wanted = fields.length === 0 ? defaults : ['id', ...fields];
  return Object.fromEntries(
    wanted.filter((name) => object[name] !== undefined).map((name) => [name, object[name]]),
  );
}

/**
 * A `fields` parameter written back from its parts: the inverse of {@link requestedFields}, for a
 * simulator that repeats a request with one modifier changed (the `next` link of a nested edge).
 *
 * @example
 * ```ts
 * fieldsParameter(requestedFields('id,media.limit(2){id}')); // 'id,media.limit(2){id}'
 * ```
 */
export function fieldsParameter(fields: readonly RequestedField[]): string {
  return fields
    .map((field) => {
      const modifiers = field.modifiers.map(({ key, value }) => `.${key}(${value})`).join('');
      const selection = field.selection.length === 0 ? '' : `{${fieldsParameter(field.selection)}}`;
      return `${field.name}${modifiers}${selection}`;
    })
    .join(',');
}
