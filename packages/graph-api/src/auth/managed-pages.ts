import * as z from 'zod/mini';
import { eachGraphPage } from '../every-graph-page.js';
import type { GraphPlatform } from '../platform.js';
import { GraphIdSchema, GraphPagingSchema } from '../schemas.js';
import { type GraphAuthOptions, graphAuthClient } from './graph-auth.js';

/**
 * One Page of `GET /me/accounts`: `id`, and the `name`, Page `access_token` and `tasks` the user
 * can perform on it (`CREATE_CONTENT`, `MODERATE`, `ANALYZE`, `ADVERTISE`, `MANAGE`, …) when
 * asked in `fields` (https://developers.facebook.com/docs/graph-api/reference/user/accounts/).
 * Other fields asked for (`instagram_business_account{…}`) pass through unread.
 *
 * @example
 * ```ts
 * const page = ManagedPageSchema.parse({ id: '1049', name: 'Acme', tasks: ['CREATE_CONTENT'] });
 * ```
 */
export const ManagedPageSchema = z.looseObject({
  /** The Page's id. */
  id: GraphIdSchema,
  /** The Page's name. */
  name: z.optional(z.string()),
  /** The Page access token, when asked for and the user may act on the Page. */
  access_token: z.optional(z.string().check(z.minLength(1))),
  /** What the user can do on the Page (`CREATE_CONTENT`, `MODERATE`, …). */
  tasks: z.optional(z.array(z.string())),
});

/** A Page of `GET /me/accounts`; see {@link ManagedPageSchema}. */
export type ManagedPage = z.output<typeof ManagedPageSchema>;

/**
 * The most pages of `/me/accounts` read (25 Pages a page by default, so 25,000 Pages): a bound on
 * paging that would otherwise never end, not a platform rule.
 */
const MAX_ACCOUNT_PAGES = 1_000;

/** What to do when Graph's paging of the user's Pages does not end. */
const ACCOUNT_PAGES_HINT = 'Retry later; the paging Graph answered for the user’s Pages did not end.';

/** A page of `GET /me/accounts`. */
const ManagedPageListSchema = z.looseObject({
  data: z.optional(z.array(ManagedPageSchema)),
  paging: GraphPagingSchema,
});

/** What {@link managedPages} needs: the user token and the Graph transport. */
export interface ManagedPagesOptions extends GraphAuthOptions {
  /** A Facebook user token (long-lived, so the Page tokens it gives do not expire). */
  readonly userAccessToken: string;
}

/** Who reads the Pages, and which fields. */
export interface ManagedPagesRequest {
  /** The platform errors and settings problems are reported for. */
  readonly platform: GraphPlatform;
  /** The `fields` parameter (`id,name,access_token,tasks`). */
  readonly fields: string;
  /** What the call does, for error messages; default `list the user's Pages`. */
  readonly operation?: string | undefined;
}

/**
 * The Facebook Pages the user of a token can perform tasks on, one at a time, reading every page
 * of `GET /me/accounts?fields=…` (cursor paging; https://developers.facebook.com/docs/graph-api/reference/user/accounts/)
 * and no more than the caller consumes: a `for await` that `break`s stops asking. The token goes
 * in an `Authorization: Bearer` header and is kept out of every error. Paging that cannot end (a
 * cursor handed back again, a next page without a cursor, more than 1,000 pages) is refused
 * (`eachGraphPage`). Only Pages the user chose in the Facebook Login dialog are listed.
 *
 * @param options - the user token and transport (version, base URL, fetch, timeout, signal)
 * @param request - the platform and the fields to read
 * @returns the Pages, in Meta's order
 * @throws ValidationError when a transport option is invalid (at the first step)
 * @throws TransientError (`invalid_response`) when the paging does not end in a last page
 *
 * @example
 * ```ts
 * for await (const page of managedPages({ userAccessToken }, { platform: 'facebook', fields: 'id,name,access_token,tasks' })) {
 *   if (page.id === pageId) return page.access_token;
 * }
 * ```
 */
export async function* managedPages(
  options: ManagedPagesOptions,
  request: ManagedPagesRequest,
): AsyncGenerator<ManagedPage, void, undefined> {
  const http = graphAuthClient(options, { platform: request.platform });
  const operation = request.operation ?? 'list the user’s Pages';
  const readPage = async (after: string | undefined) => {
    const { data } = await http.request({
      method: 'GET',
      path: '/me/accounts',
      operation,
      searchParams: { fields: request.fields, after },
      headers: { Authorization: `Bearer ${options.userAccessToken}` },
      schema: ManagedPageListSchema,
      auth: false,
      signal: options.signal,
      secrets: [options.userAccessToken],
    });
    return data;
  };
  const paging = {
    platform: request.platform,
    operation,
    maxPages: MAX_ACCOUNT_PAGES,
    hint: ACCOUNT_PAGES_HINT,
  };
  for await (const pages of eachGraphPage(readPage, paging)) yield* pages;
}
