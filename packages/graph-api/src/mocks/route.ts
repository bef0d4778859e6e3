import type { PlatformSimulator } from '@smmkit/testkit';
import { type RouteMethod, withHeaders } from '@smmkit/testkit/simulator-kit';
import { headerOrQueryToken, tokenError } from './dialect.js';
import { graphError, unsupportedRequest } from './errors.js';
import { type GraphParams, readGraphParams } from './params.js';
import { appUsageHeader, businessUseCaseHeader } from './usage-headers.js';
import { type GraphUseCase, throttled } from './use-cases.js';

/** What a Graph route's handler receives. */
export interface GraphRequest {
  /** The request (body already read into `params`). */
  readonly request: Request;
  /** Its URL. */
  readonly url: URL;
  /** Query, form and JSON parameters together. */
  readonly params: GraphParams;
  /** Path parameters as strings, by the names of the handler's own path. */
  readonly path: Readonly<Record<string, string>>;
  /** The account of the token (`''` on routes without auth). */
  readonly accountId: string;
  /** The token presented, if any. */
  readonly token: string | undefined;
  /** The permissions the token was granted (`[]` on routes without auth, and for a token issued without scopes). */
  readonly scopes: readonly string[];
  /** Simulated now. */
  readonly now: number;
}

/**
 * What a Graph route's handler answers: the response, or `undefined` when the node is not one it
 * serves, so the next route declared for the same method and path shape is asked.
 */
export type GraphAnswer = Response | undefined;

/**
 * Declares one Graph route (see {@link createGraphSimulator}): `auth: false` for routes that
 * check their own credentials (token endpoints), else the token must be valid and the call is
 * counted against the budgets.
 *
 * Graph has one URL per node whatever the node is (https://developers.facebook.com/docs/graph-api/overview):
 * `DELETE /{id}` deletes a post or a comment. So several routes may be declared for the same
 * method and path shape (`/:version/:id` and `/:version/:commentId` are one shape), each in the
 * file of the nodes it serves: they are asked in the order declared, a handler answering
 * `undefined` passes the request on, and when none answers it is Graph's "Unsupported request"
 * (100, subcode 33). A handler may throw its refusal (a `Response`), as testkit's routes may: it is
 * the answer, with the usage headers a returned one gets. The request is logged, checked and counted once, under the first
 * declaration's name (`sim.log.forRoute('DELETE /:version/:id')`); routes of one shape must agree
 * on `auth`.
 */
export type GraphRoute = (
  method: RouteMethod,
  path: string,
  options: { readonly auth?: boolean | undefined },
  handler: (request: GraphRequest) => GraphAnswer | Promise<GraphAnswer>,
) => void;

/** Versions look like `v25.0` (https://developers.facebook.com/docs/graph-api/guides/versioning). */
const VERSION_PATTERN = /^v\d+\.\d+$/;

/** One route declared for a shape: its own path parameter names, its auth setting and handler. */
interface Declared {
  readonly names: readonly string[];
  readonly auth: boolean;
  readonly handler: Parameters<GraphRoute>[3];
}

/** The names of a path's parameters, in order (`/:version/:id` → `['version', 'id']`). */
const parameterNames = (path: string): string[] =>
  [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');

/**
 * The way Graph routes are declared on `sim`. On top of testkit's log and faults each route:
 * refuses a `:version` segment that is not `vNN.N` (Graph takes any supported version:
 * https://developers.facebook.com/docs/graph-api/guides/versioning; the 400's wording is
 * ASSUMED); reads parameters from the query, a form or a JSON body; takes the token from an
 * `Authorization` header, the query or the body (https://developers.facebook.com/docs/graph-api/overview;
 * testkit reads no body, so routes are declared `auth: false` and the token is checked here, and
 * `sim.log` entries carry no `accountId`); counts the call against the `app` budget when
 * `platformRateLimited` says the token is held to the Platform rate limit, else against the
 * Business Use Case's budget (throttled: code 4, or the use case's code); and puts that budget's
 * header (`X-App-Usage` or `X-Business-Use-Case-Usage`) on every authenticated answer
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting). Routes of the same
 * shape are asked in turn (see {@link GraphRoute}).
 */
export function graphRoutes(
  sim: PlatformSimulator,
  useCase: GraphUseCase,
  platformRateLimited: (accountId: string) => boolean,
): GraphRoute {
  const shapes = new Map<string, Declared[]>();
  return (method, routePath, options, handler) => {
    const names = parameterNames(routePath);
    const declared: Declared = { names, auth: options.auth !== false, handler };
    const shape = `${method} ${routePath.replace(/:\w+/g, ':')}`;
    const existing = shapes.get(shape);
    if (existing !== undefined) {
      if (existing[0]?.auth !== declared.auth)
        throw new Error(`${method} ${routePath}: routes of one shape must agree on auth`);
      existing.push(declared);
      return;
    }
    const chain = [declared];
    shapes.set(shape, chain);
    sim.route(method, routePath, { auth: false }, async ({ request, url, params: raw, now }) => {
      // MSW names the values by the first declaration's path; each handler gets its own names.
      const values = names.map((name) => {
        const value = raw[name];
        return typeof value === 'string' ? value : '';
      });
      const version = names.indexOf('version');
      if (version >= 0 && !VERSION_PATTERN.test(values[version] ?? ''))
        return graphError({ message: `Unknown path components: /${values[version]}`, code: 2500 });
      const params = await readGraphParams(request);
      const token = headerOrQueryToken(request, url) ?? params.get('access_token');
      const ask = async (accountId: string, scopes: readonly string[]): Promise<Response> => {
        for (const link of chain) {
          const path = Object.fromEntries(link.names.map((name, index) => [name, values[index] ?? '']));
          const answer = await link.handler({ request, url, params, path, accountId, token, scopes, now });
          if (answer !== undefined) return answer;
        }
        return unsupportedRequest(method, values.at(-1) ?? url.pathname);
      };
      if (!declared.auth) return ask('', []);
      const check = sim.tokens.check(token);
      if (check.status !== 'valid') return tokenError(check.status, now);
      const accountId = check.accountId;
      // One rate limit a call: the Platform's for user and app tokens on the Pages API, else the
      // Business Use Case's (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
      const platform = platformRateLimited(accountId);
      const app = platform ? sim.limiter.take(accountId, 'app') : undefined;
      const business = platform ? undefined : sim.limiter.take(accountId, useCase.type);
      const headers = {
        ...(app === undefined ? {} : appUsageHeader(app.window)),
        ...(business === undefined ? {} : businessUseCaseHeader(accountId, useCase, business.window, now)),
      };
      if (app !== undefined && !app.allowed) return withHeaders(throttled(), headers);
      if (business !== undefined && !business.allowed) return withHeaders(throttled(useCase), headers);
      const answer = await ask(accountId, check.scopes).catch((refusal: unknown) => {
        if (refusal instanceof Response) return refusal;
        throw refusal;
      });
      return withHeaders(answer, headers);
    });
  };
}
