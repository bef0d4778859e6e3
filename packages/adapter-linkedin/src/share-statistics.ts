import { type PostRef, type RequestContext, SmmkitError } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { encodeUrn } from './urn.js';

/** Most posts named in one share-statistics request, to keep its URL short. */
const SHARES_PER_REQUEST = 20;

/** The two lists a request names posts in, and the URN prefix of the posts each takes. */
const LISTS = [
  ['shares', 'urn:li:share:'],
  ['ugcPosts', 'urn:li:ugcPost:'],
] as const;

/** A post named in a refusal by its place in the request: `/shares[0]`, `/ugcPosts[2]`. */
const REFUSED_FIELD = /\/(shares|ugcPosts)\[(\d+)\]/g;

const ShareStatisticsSchema = z.object({
  elements: z.array(
    z.looseObject({
      share: z.optional(z.string()),
      ugcPost: z.optional(z.string()),
      totalShareStatistics: z.optional(z.record(z.string(), z.unknown())),
    }),
  ),
});

/**
 * Lifetime share statistics of an organization's posts: `GET /rest/organizationalEntityShareStatistics
 * ?q=organizationalEntity&organizationalEntity={org}&shares=List(…)&ugcPosts=List(…)`, up to 20
 * posts a request, without `timeIntervals` ("To retrieve lifetime share statistics, omit the
 * timeIntervals query parameter"). Organic only, for the last 12 months
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics).
 * Rest.li lists are written into the query as Rest.li 2.0 expects them, `List(…)` with each URN
 * encoded and the list's own parentheses and commas not
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version).
 * Posts that are neither shares nor ugcPosts are not asked for: a request that names none answers
 * the organization's aggregate (its `share` "is blank for aggregate share statistics", same page),
 * which is no post's.
 *
 * A 403 that names posts of the request by their place (`/shares[0]`) refuses those posts only
 * (ASSUMED: undocumented; a developer reports `Unpermitted fields present in PARAMETER: Data
 * Processing Exception while processing fields [/shares[0]]` for a post named in the request,
 * https://learn.microsoft.com/en-us/answers/questions/1331917/linkedin-api-organizationalentitysharestatistics-r):
 * the others are asked again without them, and the refused posts have no statistics. Any other
 * error fails the call.
 *
 * @param http - the adapter's HTTP client
 * @param organization - the organization's URN
 * @param refs - the posts
 * @param context - tokens, signal and clock
 * @returns each post's `totalShareStatistics` by its URN, for the posts LinkedIn answered for
 *
 * @example
 * ```ts
 * const totals = await readShareStatistics(http, 'urn:li:organization:2414183', [result.ref], ctx);
 * totals.get(result.ref.platformPostId)?.impressionCount;
 * ```
 */
export async function readShareStatistics(
  http: HttpClient,
  organization: string,
  refs: readonly PostRef[],
  context: RequestContext,
): Promise<Map<string, Readonly<Record<string, unknown>>>> {
  const totals = new Map<string, Readonly<Record<string, unknown>>>();
  const named = [...new Set(refs.map((ref) => ref.platformPostId))].filter((urn) =>
    LISTS.some(([, prefix]) => urn.startsWith(prefix)),
  );
  for (let start = 0; start < named.length; start += SHARES_PER_REQUEST) {
    let asked = named.slice(start, start + SHARES_PER_REQUEST);
    while (asked.length > 0) {
      const lists = LISTS.map(
        ([name, prefix]) => [name, asked.filter((urn) => urn.startsWith(prefix))] as const,
      );
      const query = lists
        .map(([name, urns]) =>
          urns.length === 0 ? '' : `&${name}=List(${urns.map((urn) => encodeUrn(urn)).join(',')})`,
        )
        .join('');
      let data: z.output<typeof ShareStatisticsSchema>;
      try {
        ({ data } = await http.request({
          method: 'GET',
          path: `/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${encodeUrn(organization)}${query}`,
          operation: 'read share statistics',
          schema: ShareStatisticsSchema,
          context,
        }));
      } catch (error) {
        const refused = refusedPosts(error, new Map(lists));
        if (refused === undefined) throw error;
        asked = asked.filter((urn) => !refused.has(urn));
        continue;
      }
      for (const element of data.elements) {
        const urn = element.share ?? element.ugcPost;
        if (urn !== undefined && asked.includes(urn) && !totals.has(urn))
          totals.set(urn, element.totalShareStatistics ?? {});
      }
      break;
    }
  }
  return totals;
}

/**
 * The posts a 403 names by their place in the request's lists, or `undefined` when it is another
 * error, names none, or names a place the request did not have.
 */
function refusedPosts(
  error: unknown,
  lists: ReadonlyMap<string, readonly string[]>,
): Set<string> | undefined {
  if (!SmmkitError.isInstance(error) || error.status !== 403) return undefined;
  const refused = new Set<string>();
  for (const [, name, index] of (error.platformError?.message ?? '').matchAll(REFUSED_FIELD)) {
    const urn = lists.get(name ?? '')?.[Number(index)];
    if (urn === undefined) return undefined;
    refused.add(urn);
  }
  return refused.size === 0 ? undefined : refused;
}
