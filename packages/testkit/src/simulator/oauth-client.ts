/** A request to a simulated OAuth server's token or revocation endpoint, read by {@link readClientRequest}. */
export interface ClientRequest {
  /** Its `application/x-www-form-urlencoded` body. */
  readonly form: URLSearchParams;
  /** The client it authenticated as, or `undefined` when it did not (no client, a wrong secret, a malformed header). */
  readonly clientId: string | undefined;
}

/** Options of {@link readClientRequest}. */
export interface ClientRequestOptions {
  /**
   * Whether a confidential client may send its secret as `client_secret` in the body (RFC 6749
   * §2.3.1 allows it; X does not: its confidential clients must use HTTP Basic). Default false.
   */
  readonly secretInBody?: boolean | undefined;
}

/**
 * Reads a token or revocation request's form and tells which client makes it (RFC 6749 §2.3.1):
 * HTTP Basic `client_id:client_secret` (each form-urlencoded) must name a confidential client of
 * `secrets` with its secret; otherwise the form's `client_id` names either a public client (one
 * without a secret) or, when `secretInBody`, a confidential one with its `client_secret`. A
 * simulator keeps only its dialect: the grants it takes and its answers and errors.
 *
 * @param request - the request (its body is read)
 * @param secrets - client id → secret of the confidential clients; every other client id is a public client
 * @param options - see {@link ClientRequestOptions}
 * @returns the form and the client
 *
 * @example
 * ```ts
 * const { form, clientId } = await readClientRequest(request, new Map([['app', 's3cret']]));
 * if (clientId === undefined) return Response.json({ error: 'invalid_client' }, { status: 401 });
 * ```
 */
export async function readClientRequest(
  request: Request,
  secrets: ReadonlyMap<string, string>,
  options: ClientRequestOptions = {},
): Promise<ClientRequest> {
  const form = new URLSearchParams(await request.text());
  const basic = request.headers.get('authorization')?.match(/^Basic\s+(\S+)$/i)?.[1];
  if (basic !== undefined) {
    const credentials = basicCredentials(basic);
    const known = credentials !== undefined && secrets.get(credentials.id) === credentials.secret;
    return { form, clientId: known ? credentials.id : undefined };
  }
  const id = form.get('client_id') ?? '';
  const secret = secrets.get(id);
  const authenticated =
    secret === undefined || (options.secretInBody === true && form.get('client_secret') === secret);
  return { form, clientId: id !== '' && authenticated ? id : undefined };
}

/** The id and secret of a Basic header's value, or `undefined` when it is malformed. */
function basicCredentials(encoded: string): { readonly id: string; readonly secret: string } | undefined {
  try {
    const decoded = atob(encoded);
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    return {
      id: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return undefined;
  }
}
