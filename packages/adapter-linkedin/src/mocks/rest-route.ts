import type { RouteMethod, RouteOptions, RouteResolver } from '@smmkit/testkit/simulator-kit';
import type { LinkedInSimContext } from './context.js';
import { linkedInError } from './errors.js';

/** `YYYYMM`, optionally with a patch (`202610.01`). */
const VERSION = /^(\d{6})(\.\d{2})?$/;

/**
 * Declares a versioned endpoint under `/rest`: before the route's own rules, the request must
 * send `LinkedIn-Version` naming a version LinkedIn serves and `X-Restli-Protocol-Version: 2.0.0`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/versioning;
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version):
 *
 * - no version → 400 `VERSION_MISSING`;
 * - a version outside `context.versions` → 426 `NONEXISTENT_VERSION` (a sunset or future version);
 * - no Rest.li 2.0 header → 400 (wording assumed).
 */
export function restRoute(
  context: LinkedInSimContext,
  method: RouteMethod,
  path: string,
  options: RouteOptions,
  resolver: RouteResolver,
): void {
  context.sim.route(method, `/rest${path}`, options, (route) => {
    const refused = versionProblem(context, route.request);
    return refused ?? resolver(route);
  });
}

/**
 * A page of a Rest.li collection, `{elements, paging: {start, count, total}}`: `start` (default
 * 0) and `count` (default 10, 1 to 100) from the query
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/pagination).
 */
export function restliPage<T>(url: URL, items: readonly T[], render: (item: T) => unknown): Response {
  const start = Math.max(0, Number(url.searchParams.get('start') ?? 0));
  const count = Math.min(100, Math.max(1, Number(url.searchParams.get('count') ?? 10)));
  return Response.json({
    elements: items.slice(start, start + count).map(render),
    paging: { start, count, total: items.length },
  });
}

function versionProblem(context: LinkedInSimContext, request: Request): Response | undefined {
  const version = request.headers.get('linkedin-version');
  if (version === null || version.trim() === '') {
    return linkedInError(
      400,
      'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
      { code: 'VERSION_MISSING' },
    );
  }
  const month = VERSION.exec(version.trim())?.[1];
  if (month === undefined || month < context.versions.oldest || month > context.versions.newest) {
    return linkedInError(426, `Requested version ${version} is not active`, { code: 'NONEXISTENT_VERSION' });
  }
  if (request.headers.get('x-restli-protocol-version') !== '2.0.0') {
    return linkedInError(400, 'This resource requires the header X-Restli-Protocol-Version: 2.0.0', {
      code: 'INVALID_PROTOCOL_VERSION',
    });
  }
  return undefined;
}
