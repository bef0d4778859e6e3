import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';

/**
 * Checks requests and answers against the X API v2 OpenAPI schemas kept in
 * test/fixtures/openapi-schemas.json (extracted by scripts/extract-openapi-fixtures.mjs from
 * https://api.x.com/2/openapi.json).
 */

/** One operation of the fixture. */
export interface FixtureOperation {
  /** `GET`, `POST`, … */
  readonly method: string;
  /** The spec's path template (`/2/tweets/{id}`). */
  readonly path: string;
  /** Request body schema per media type, when the operation takes a body. */
  readonly request?: Readonly<Record<string, unknown>>;
  /** Response schema per status (`200`, `default`) and media type. */
  readonly responses: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** The fixture file: the spec's version, the operations by operationId, the schemas they reach. */
export interface Fixture {
  /** `info.version` of the spec it was extracted from. */
  readonly info: { readonly version: string };
  /** The operations, by `operationId`. */
  readonly operations: Readonly<Record<string, FixtureOperation>>;
  /** Every schema the operations reach through `$ref`. */
  readonly components: { readonly schemas: Readonly<Record<string, unknown>> };
}

/** One request and the answer to it, as the test saw them. */
export interface Exchange {
  /** HTTP method. */
  readonly method: string;
  /** The full URL. */
  readonly url: string;
  /** The request's Content-Type, when it had a body. */
  readonly requestType: string | undefined;
  /** The request body: parsed JSON, or multipart fields as strings; `undefined` without a body. */
  readonly requestBody: unknown;
  /** HTTP status of the answer. */
  readonly status: number;
  /** The answer's Content-Type (`''` when none). */
  readonly responseType: string;
  /** The response body parsed as JSON (`undefined` when empty). */
  readonly responseBody: unknown;
}

const ROOT = 'https://smmkit.test/openapi-schemas.json';

/** The fixture, as committed. */
export const fixture: Fixture = JSON.parse(
  readFileSync(new URL('../fixtures/openapi-schemas.json', import.meta.url), 'utf8'),
) as Fixture;

/**
 * OpenAPI 3.0 schemas: `nullable` is Ajv's own keyword; `discriminator` with a `mapping` is
 * not supported by Ajv, so it is left to `oneOf` (each Problem type has its own `type` enum, so
 * exactly one branch matches either way); other OpenAPI-only keywords are ignored (`strict: false`).
 * Formats are OpenAPI's data types (https://spec.openapis.org/oas/v3.0.0#data-types).
 */
function makeAjv(schemas: object, coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes });
  ajv.addFormat('int32', {
    type: 'number',
    validate: (value) => Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (value) => Number.isInteger(value) });
  ajv.addFormat('double', { type: 'number', validate: (value) => Number.isFinite(value) });
  ajv.addFormat('binary', { type: 'string', validate: () => true });
  ajv.addFormat('byte', /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  // RFC 3339 date-time, as OpenAPI's `date-time` says.
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (value) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i.test(value) &&
      !Number.isNaN(Date.parse(value)),
  });
  ajv.addSchema({ ...schemas, $id: ROOT });
  return ajv;
}

/**
 * The schemas with every object that lists its `properties` and says nothing of others closed
 * (`additionalProperties: false`). X's response schemas leave objects open so that X may add
 * fields; a simulator has no such excuse, and an open check would let it invent or misname a
 * field (`referenced_tweets` where the spec says `referenced_posts`) unnoticed. (X's own
 * invalid-request problems carry an `errors[]` that InvalidRequestProblem does not declare,
 * quoted in plhery/node-twitter-api-v2#583: a check of such an answer would report it.)
 */
function closed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(closed);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] =
      key === 'properties' && child !== null && typeof child === 'object'
        ? Object.fromEntries(Object.entries(child).map(([name, schema]) => [name, closed(schema)]))
        : closed(child);
  }
  if ('properties' in copy && !('additionalProperties' in copy)) copy.additionalProperties = false;
  return copy;
}

// Requests: JSON bodies as they are; multipart fields are strings on the wire, so a field the
// schema types as an integer (`segment_index`) is compared after conversion. Answers: closed.
const jsonRequests = makeAjv(fixture, false);
const formRequests = makeAjv(fixture, true);
const answers = makeAjv(closed(fixture) as object, false);

/** The fixture operation a request is for, by method and path, or `undefined`. */
export function operationOf(
  method: string,
  url: string,
): { readonly id: string; readonly operation: FixtureOperation } | undefined {
  const { pathname } = new URL(url);
  const matches = Object.entries(fixture.operations).filter(
    ([, operation]) => operation.method === method && templateRegExp(operation.path).test(pathname),
  );
  // A literal segment beats a parameter: `/2/media/upload/initialize` is not `/2/media/upload/{id}`.
  matches.sort(([, a], [, b]) => parameterCount(a.path) - parameterCount(b.path));
  const [first] = matches;
  return first === undefined ? undefined : { id: first[0], operation: first[1] };
}

/** What is wrong with the request of `exchange` for its operation (empty when it conforms). */
export function requestProblems(id: string, exchange: Exchange): string[] {
  const operation = fixture.operations[id];
  if (operation === undefined) return [`${id} is not in the fixture`];
  if (operation.request === undefined)
    return exchange.requestBody === undefined
      ? []
      : [`${id} takes no body, got ${show(exchange.requestBody)}`];
  const mediaType = (exchange.requestType ?? '').split(';')[0]?.trim() ?? '';
  if (!(mediaType in operation.request))
    return [`${id} takes ${Object.keys(operation.request).join(' or ')}, got ${mediaType || 'no body'}`];
  const pointer = `#/operations/${id}/request/${pointerToken(mediaType)}`;
  const body =
    mediaType === 'multipart/form-data' ? { ...(exchange.requestBody as object) } : exchange.requestBody;
  return problems(mediaType === 'multipart/form-data' ? formRequests : jsonRequests, pointer, body);
}

/**
 * What is wrong with the answer of `exchange` for its operation (empty when it conforms): the
 * schema of its status, else of `default`, for its Content-Type; objects closed (see `closed`).
 */
export function responseProblems(id: string, exchange: Exchange): string[] {
  const operation = fixture.operations[id];
  if (operation === undefined) return [`${id} is not in the fixture`];
  const status = String(exchange.status) in operation.responses ? String(exchange.status) : 'default';
  const content = operation.responses[status];
  const mediaType = exchange.responseType.split(';')[0]?.trim() ?? '';
  if (content === undefined || !(mediaType in content))
    return [`${id} ${status} has no ${mediaType || 'empty'} answer in the spec`];
  return problems(
    answers,
    `#/operations/${id}/responses/${status}/${pointerToken(mediaType)}`,
    exchange.responseBody,
  );
}

/** What is wrong with `value` as an answer of `components.schemas[name]` (closed, as answers are checked). */
export function schemaProblems(name: string, value: unknown): string[] {
  return problems(answers, `#/components/schemas/${name}`, value);
}

function problems(ajv: Ajv, pointer: string, value: unknown): string[] {
  const validate = ajv.getSchema(`${ROOT}${pointer}`);
  if (validate === undefined) return [`no schema at ${pointer}`];
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => describe(error, pointer));
}

function describe(error: ErrorObject, pointer: string): string {
  const params = Object.keys(error.params).length === 0 ? '' : ` ${JSON.stringify(error.params)}`;
  return `${pointer}: ${error.instancePath || '(root)'} ${error.message ?? error.keyword}${params}`;
}

function templateRegExp(path: string): RegExp {
  return new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
}

function parameterCount(path: string): number {
  return (path.match(/\{/g) ?? []).length;
}

/** A JSON-pointer token (RFC 6901): `~` → `~0`, `/` → `~1`. */
function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function show(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 200) ?? String(value);
}
