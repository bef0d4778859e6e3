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
 * A page of a Rest.li collection, `{elements, paging: {start, count, total}}`, with `start` and
 * `count` read by `restliPaging` (default 0 and 10); a value Rest.li refuses gets its 400
 * instead (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/pagination).
 * `maxCount` is the endpoint's documented maximum, or 100 (assumed) where it documents none.
 */
export function restliPage<T>(
  url: URL,
  items: readonly T[],
  render: (item: T) => unknown,
  maxCount = 100,
): Response {
  const paging = restliPaging(url, maxCount);
  if (paging instanceof Response) return paging;
  const { start, count } = paging;
  return Response.json({
    elements: items.slice(start, start + count).map(render),
    paging: { start, count, total: items.length },
  });
}

/** A Rest.li `start`/`count`, as Java's `Integer.parseInt` takes it: an optional sign, then digits. */
const RESTLI_INT = /^[+-]?\d+$/;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/**
 * The `start` and `count` of a finder whose page is at most `maxCount` items, checked as LinkedIn
 * checks them, or LinkedIn's 400:
 *
 * - absent or blank: `start` 0 and `count` 10
 *   (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/pagination);
 * - not an integer, or negative: Rest.li's own 400s, "Invalid (non-integer) start/count
 *   parameters" and "start/count parameters must be non-negative" (`RestUtils.getPagingContext`,
 *   https://github.com/linkedin/rest.li/blob/master/restli-server/src/main/java/com/linkedin/restli/internal/server/util/RestUtils.java);
 *   `count` 0 is allowed there, a page of no items;
 * - `count` over the endpoint's documented maximum: 400 (the wording is assumed; LinkedIn
 *   documents the maximum, not its answer).
 *
 * The errors carry `serviceErrorCode` 100, as the simulator's other 400s (assumed).
 *
 * @example
 * ```ts
 * const paging = restliPaging(url, 100);
 * if (paging instanceof Response) return paging;
 * ```
 */
function restliPaging(
  url: URL,
  maxCount: number,
): { readonly start: number; readonly count: number } | Response {
  const read = (name: 'start' | 'count', fallback: number): number | undefined => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw.trim() === '') return fallback;
    if (!RESTLI_INT.test(raw)) return undefined;
    const value = Number(raw);
    return value < INT_MIN || value > INT_MAX ? undefined : value;
  };
  const start = read('start', 0);
  const count = read('count', 10);
  const problem = (message: string) => linkedInError(400, message, { serviceErrorCode: 100 });
  if (start === undefined || count === undefined)
    return problem('Invalid (non-integer) start/count parameters');
  if (start < 0 || count < 0) return problem('start/count parameters must be non-negative');
  if (count > maxCount) return problem(`count must not exceed ${maxCount}`);
  return { start, count };
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
