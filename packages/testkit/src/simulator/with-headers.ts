/**
 * The answer with `headers` set on it (replacing any of the same name), for simulators that put
 * rate-limit or usage headers on whatever a route answered. Without headers the answer is
 * returned as it is.
 *
 * @param response - the route's answer
 * @param headers - headers to set
 * @returns the answer with the headers
 *
 * @example
 * ```ts
 * return withHeaders(Response.json({ id: '1' }), { 'x-rate-limit-remaining': '299' });
 * ```
 */
export function withHeaders(response: Response, headers: Readonly<Record<string, string>>): Response {
  const entries = Object.entries(headers);
  if (entries.length === 0) return response;
  const merged = new Headers(response.headers);
  for (const [name, value] of entries) merged.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: merged,
  });
}
