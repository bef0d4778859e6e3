import { type PlatformSimulator, type RouteMethod, withHeaders } from '@smmkit/testkit';
import { headerOrQueryToken, tokenError } from './dialect.js';
import { graphError } from './errors.js';
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
  /** Path parameters as strings. */
  readonly path: Readonly<Record<string, string>>;
  /** The account of the token (`''` on routes without auth). */
  readonly accountId: string;
  /** The token presented, if any. */
  readonly token: string | undefined;
  /** Simulated now. */
  readonly now: number;
}

/**
 * Declares one Graph route (see {@link createGraphSimulator}): `auth: false` for routes that
 * check their own credentials (token endpoints), else the token must be valid and the call is
 * counted against the budgets.
 */
export type GraphRoute = (
  method: RouteMethod,
  path: string,
  options: { readonly auth?: boolean | undefined },
  handler: (request: GraphRequest) => Response | Promise<Response>,
) => void;

/** Versions look like `v25.0` (https://developers.facebook.com/docs/graph-api/guides/versioning). */
const VERSION_PATTERN = /^v\d+\.\d+$/;

/**
 * The way Graph routes are declared on `sim`. On top of testkit's log and faults each route:
 * refuses a `:version` segment that is not `vNN.N` (Graph takes any supported version:
 * https://developers.facebook.com/docs/graph-api/guides/versioning; the 400's wording is
 * ASSUMED); reads parameters from the query, a form or a JSON body; takes the token from an
 * `Authorization` header, the query or the body (https://developers.facebook.com/docs/graph-api/overview;
 * testkit reads no body, so routes are declared `auth: false` and the token is checked here, and
 * `sim.log` entries carry no `accountId`); counts the call against the `app` budget and the
 * Business Use Case's budget (throttled: code 4, or the use case's code); and puts
 * `X-App-Usage` and `X-Business-Use-Case-Usage` on every authenticated answer
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
export function graphRoutes(sim: PlatformSimulator, useCase: GraphUseCase): GraphRoute {
  return (method, routePath, options, handler) => {
    sim.route(method, routePath, { auth: false }, async ({ request, url, params: raw, now }) => {
      const path: Record<string, string> = {};
      for (const [name, value] of Object.entries(raw)) if (typeof value === 'string') path[name] = value;
      if (path.version !== undefined && !VERSION_PATTERN.test(path.version))
        return graphError({ message: `Unknown path components: /${path.version}`, code: 2500 });
      const params = await readGraphParams(request);
      const token = headerOrQueryToken(request, url) ?? params.get('access_token');
      if (options.auth === false) return handler({ request, url, params, path, accountId: '', token, now });
      const check = sim.tokens.check(token);
      if (check.status !== 'valid') return tokenError(check.status, now);
      const accountId = check.accountId;
      const app = sim.limiter.take(accountId, 'app');
      const business = sim.limiter.take(accountId, useCase.type);
      const headers = {
        ...(app === undefined ? {} : appUsageHeader(app.window)),
        ...(business === undefined ? {} : businessUseCaseHeader(accountId, useCase, business.window, now)),
      };
      if (app !== undefined && !app.allowed) return withHeaders(throttled(), headers);
      if (business !== undefined && !business.allowed) return withHeaders(throttled(useCase), headers);
      return withHeaders(await handler({ request, url, params, path, accountId, token, now }), headers);
    });
  };
}
