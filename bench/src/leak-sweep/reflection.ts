/**
 * What a misbehaving platform (or a proxy in front of it) writes back of the secrets a request
 * carried, in each encoding the sweep tries.
 */
import { jsonEscaped } from './secret-set.ts';

/** The secrets of one request, ready to be echoed. */
export interface Reflection {
  /** As sent, decoded: `Bearer <token>`, or a token endpoint's form values and Authorization header. */
  readonly raw: string;
  /** URL-encoded, as a form body or query string carries them (`%2F`, `%2B`, `%3D`). */
  readonly urlEncoded: string;
  /** To be placed inside a JSON string literal, escaped (`\u002d`, `\/`): `JSON.parse` gives `raw` back. */
  readonly jsonEscaped: string;
  /** The `Basic …` credential of the Authorization header, when the request had one. */
  readonly basic?: string | undefined;
}

/** The reflection of a request that carried `Authorization: Bearer <accessToken>`. */
export function bearerReflection(accessToken: string): Reflection {
  const raw = `Bearer ${accessToken}`;
  return {
    raw,
    urlEncoded: `access_token=${encodeURIComponent(accessToken)}`,
    jsonEscaped: jsonEscaped(raw),
  };
}

/**
 * The reflection of a token endpoint request as the platform received it: every form and query
 * value and the Authorization header (`Basic base64(client_id:secret)` for a confidential client).
 */
export async function requestReflection(request: Request): Promise<Reflection> {
  const url = new URL(request.url);
  const body = await request.clone().text();
  const contentType = request.headers.get('content-type') ?? '';
  const form = contentType.includes('application/x-www-form-urlencoded')
    ? new URLSearchParams(body)
    : undefined;
  const authorization = request.headers.get('authorization') ?? '';
  const decoded = [...url.searchParams.entries(), ...(form?.entries() ?? [])].map(
    ([name, value]) => `${name}=${value}`,
  );
  if (form === undefined && body !== '') decoded.push(body);
  if (authorization !== '') decoded.push(`authorization=${authorization}`);
  const raw = decoded.join(' ');
  const encoded = [url.search.slice(1), form === undefined ? '' : body].filter((part) => part !== '');
  return {
    raw,
    urlEncoded: encoded.length === 0 ? encodeURIComponent(raw) : encoded.join('&'),
    jsonEscaped: jsonEscaped(raw),
    basic: authorization.startsWith('Basic ') ? authorization : undefined,
  };
}
