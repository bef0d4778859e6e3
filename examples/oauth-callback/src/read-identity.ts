import * as z from 'zod/mini';

/** What {@link readIdentity} needs. */
export interface IdentityRequest<T> {
  /** Which platform, for the error message. */
  readonly platform: string;
  /** The URL of the "who am I" endpoint. */
  readonly url: string;
  /** The user's new access token, sent as a Bearer token and never put in an error. */
  readonly accessToken: string;
  /** The part of the answer the flow reads. */
  readonly schema: z.ZodMiniType<T>;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof globalThis.fetch | undefined;
}

/**
 * Reads the account a new access token belongs to from the platform's "who am I" endpoint, and
 * checks the answer's shape. A refusal or an answer of another shape is an `Error` naming the
 * platform and the HTTP status, never the token.
 *
 * @param request - the endpoint, the token and the schema of the answer
 * @returns the parsed answer
 *
 * @example
 * ```ts
 * const me = await readIdentity({ platform: 'x', url: 'https://api.x.com/2/users/me', accessToken, schema });
 * ```
 */
export async function readIdentity<T>(request: IdentityRequest<T>): Promise<T> {
  const send = request.fetch ?? globalThis.fetch;
  const response = await send(request.url, {
    headers: { authorization: `Bearer ${request.accessToken}`, accept: 'application/json' },
  });
  const path = new URL(request.url).pathname;
  if (!response.ok)
    throw new Error(
      `${request.platform}: GET ${path} answered ${response.status}; the new token cannot read the account`,
    );
  const parsed = z.safeParse(request.schema, await response.json().catch(() => undefined));
  if (!parsed.success) throw new Error(`${request.platform}: GET ${path} answered in an unexpected shape`);
  return parsed.data;
}
