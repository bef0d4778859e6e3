import { type JsonObject, readJsonBody } from '@smmkit/testkit/simulator-kit';
import { badRequest } from './errors.js';

/** A request's JSON-object body, or LinkedIn's 400 when it is not one. */
export async function readJsonObject(request: Request): Promise<JsonObject | Response> {
  const body = await readJsonBody(request);
  if (body.kind === 'malformed') return badRequest('/', 'the body is not JSON');
  return body.kind === 'object' ? body.value : badRequest('/', 'must be an object');
}
