/** A JSON object, as a request body or a field of one carries it. */
export type JsonObject = Readonly<Record<string, unknown>>;

/**
 * What {@link readJsonBody} found in a request's body: nothing (`empty`: no body, or only white
 * space), text that is not JSON (`malformed`), a JSON object, or another JSON value (an array, a
 * string, a number, `null`).
 */
export type JsonBody =
  | {
      /** No body, or only white space. */
      readonly kind: 'empty';
    }
  | {
      /** Text that is not JSON. */
      readonly kind: 'malformed';
    }
  | {
      /** A JSON object. */
      readonly kind: 'object';
      /** The object. */
      readonly value: JsonObject;
    }
  | {
      /** Another JSON value: an array, a string, a number, a boolean or `null`. */
      readonly kind: 'other';
      /** The value. */
      readonly value: unknown;
    };

/**
 * Whether `value` is a JSON object: an object that is neither `null` nor an array.
 *
 * @example
 * ```ts
 * const altText = isJsonObject(body.metadata) ? body.metadata.alt_text : undefined;
 * ```
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A request's body read as JSON, told apart the ways platforms answer differently: each simulator
 * keeps only its platform's answers (X's one 400 for anything but an object, LinkedIn's two
 * messages for text that is not JSON and for JSON that is not an object, TikTok reading an empty
 * body as `{}`). Reads the body whatever its `content-type`, as those APIs do.
 *
 * @param request - the request (its body is read)
 * @returns what the body holds
 *
 * @example
 * ```ts
 * const body = await readJsonBody(request);
 * if (body.kind === 'malformed') return badRequest('/', 'the body is not JSON');
 * if (body.kind !== 'object') return badRequest('/', 'must be an object');
 * const author = body.value.author;
 * ```
 */
export async function readJsonBody(request: Request): Promise<JsonBody> {
  const text = await request.text();
  if (text.trim() === '') return { kind: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'malformed' };
  }
  return isJsonObject(value) ? { kind: 'object', value } : { kind: 'other', value };
}
