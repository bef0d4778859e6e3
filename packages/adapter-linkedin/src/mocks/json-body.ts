import { badRequest } from './errors.js';

/** A request's JSON-object body, or LinkedIn's 400 when it is not one. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | Response> {
  const text = await request.text();
  let body: unknown;
  try {
    body = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return badRequest('/', 'the body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return badRequest('/', 'must be an object');
  return body as Record<string, unknown>;
}
