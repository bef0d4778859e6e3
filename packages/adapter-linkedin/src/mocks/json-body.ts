import { type JsonObject, readJsonBody } from '@smmkit/testkit/simulator-kit';
import { badRequest } from './errors.js';

/**
 * A request's JSON-object body; throws LinkedIn's 400 when it is not one (for routes only, which
 * answer a thrown `Response`).
 */
export async function readJsonObject(request: Request): Promise<JsonObject> {
  const body = await readJsonBody(request);
  if (body.kind === 'malformed') throw badRequest('/', 'the body is not JSON');
  if (body.kind !== 'object') throw badRequest('/', 'must be an object');
  return body.value;
}
