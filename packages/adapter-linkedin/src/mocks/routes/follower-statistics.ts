import { type LinkedInSimContext, mayDoFor } from '../context.js';
import { accessDenied, badRequest, notFound, roleForbiddenField } from '../errors.js';
import { defaultFollowerStatistics, followerStatisticsElement } from '../follower-statistics.js';
import { restRoute } from '../rest-route.js';
import { hasScope } from './posts.js';

/**
 * `GET /rest/organizationalEntityFollowerStatistics?q=organizationalEntity&organizationalEntity={org}`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics):
 * the organization's lifetime follower statistics by its 7 demographic facets, one element, from
 * its seeded statistics or plausible ones made from its follower count. The token needs
 * `rw_organization_admin` (else 403 `ACCESS_DENIED`), then the member the ADMINISTRATOR role on the
 * organization (`ROLES_FOR.readStatistics`, else the 403 of `roleForbiddenField`); an unknown
 * organization is a 404.
 *
 * The simulator serves lifetime statistics only: a request with `timeIntervals` (LinkedIn's
 * follower gains per day, week or month) is a 400 that says so.
 *
 * @param context - the simulator's state
 *
 * @example
 * ```ts
 * registerFollowerStatisticsRoutes(context);
 * ```
 */
export function registerFollowerStatisticsRoutes(context: LinkedInSimContext): void {
  restRoute(
    context,
    'GET',
    '/organizationalEntityFollowerStatistics',
    { bucket: 'api' },
    ({ url, accountId, scopes }) => {
      if (url.searchParams.get('q') !== 'organizationalEntity')
        return badRequest('/q', 'must be organizationalEntity');
      const urn = url.searchParams.get('organizationalEntity') ?? '';
      const org = context.organizations.get(urn);
      if (org === undefined) return notFound('organization');
      if (!hasScope(scopes, 'rw_organization_admin'))
        return accessDenied('organizationalEntityFollowerStatistics.FINDER-organizationalEntity');
      if (!mayDoFor(context, accountId, urn, 'readStatistics'))
        return roleForbiddenField('PARAMETER', '/organizationalEntity');
      if (url.searchParams.has('timeIntervals'))
        return badRequest('/timeIntervals', 'time-bound follower statistics are not simulated');
      const statistics = context.followerStatistics.get(urn) ?? defaultFollowerStatistics(urn, org.followers);
      return Response.json({
        elements: [followerStatisticsElement(urn, statistics)],
        paging: { start: 0, count: 10, links: [] },
      });
    },
  );
}
