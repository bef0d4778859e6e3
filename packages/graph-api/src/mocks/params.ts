import { readParams } from '@smmkit/testkit';

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

/** One top-level field of a `fields` parameter (https://developers.facebook.com/docs/graph-api/overview). */
export interface RequestedField {
  /** Its name: `mentioned_comment` in `mentioned_comment.comment_id(1){text}`. */
  readonly name: string;
  /** Its modifier, `{ key: 'comment_id', value: '1' }` there; `undefined` without one. */
  readonly call:
    | {
        /** The modifier's name, `comment_id`. */
        readonly key: string;
        /** Its value, `1`. */
        readonly value: string;
      }
    | undefined;
  /** The names of its sub-selection, `['text']` there. */
  readonly fields: string[];
}

/**
 * The top-level fields of a `fields` parameter (`a,from{id,username},b.limit(2)`), in order, with
 * their modifier and sub-selection (https://developers.facebook.com/docs/graph-api/overview).
 *
 * @example
 * ```ts
 * requestedFields('mentioned_comment.comment_id(1){text}');
 * // [{ name: 'mentioned_comment', call: { key: 'comment_id', value: '1' }, fields: ['text'] }]
 * ```
 */
export function requestedFields(raw: string | undefined): RequestedField[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of `${raw ?? ''},`) {
    if (char === ',' && depth === 0) {
      if (current.trim() !== '') parts.push(current.trim());
      current = '';
      continue;
    }
    if (char === '{' || char === '(') depth += 1;
    else if (char === '}' || char === ')') depth -= 1;
    current += char;
  }
  return parts.map((part) => {
    const call = part.match(/^[^.{(]*\.(\w+)\(([^)]*)\)/);
    return {
      name: part.replace(/[.{(].*$/s, '').trim(),
      call: call === null ? undefined : { key: call[1] ?? '', value: (call[2] ?? '').trim() },
      fields: fieldNames(part.match(/\{(.*)\}$/s)?.[1]),
    };
  });
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
