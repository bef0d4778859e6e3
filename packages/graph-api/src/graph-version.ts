import { settingIssue } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';

/**
 * The Graph API version smmkit talks by default: the newest, v26.0
 * (https://developers.facebook.com/docs/graph-api/changelog). Every Graph path starts with a
 * version segment (https://developers.facebook.com/docs/graph-api/guides/versioning); adapters
 * take another as a setting.
 *
 * @example
 * ```ts
 * const baseUrl = `${GRAPH_API_ORIGIN}/${GRAPH_API_VERSION}`; // https://graph.facebook.com/v26.0
 * ```
 */
export const GRAPH_API_VERSION = 'v26.0';

/**
 * The Graph API's host for Facebook Pages and for Instagram accounts reached through Facebook
 * Login (https://developers.facebook.com/docs/graph-api/overview).
 *
 * @example
 * ```ts
 * createGraphHttpClient({ platform: 'facebook', baseUrl: `${GRAPH_API_ORIGIN}/${GRAPH_API_VERSION}` });
 * ```
 */
export const GRAPH_API_ORIGIN = 'https://graph.facebook.com';

/**
 * A Graph API version such as `v26.0` (`settings.graph_version`, the value as `actual`): the
 * path segment every Graph URL starts with (https://developers.facebook.com/docs/graph-api/guides/versioning).
 * Adapter settings and the auth helpers check theirs with it.
 *
 * @example
 * ```ts
 * const Settings = z.object({ graphVersion: z._default(GraphVersionSetting, GRAPH_API_VERSION) });
 * ```
 */
export const GraphVersionSetting: z.ZodMiniCustom<string, string> = z.custom<string>(
  (value) => typeof value === 'string' && /^v\d+\.\d+$/.test(value),
  settingIssue({
    rule: 'settings.graph_version',
    message: 'must be a Graph API version such as v26.0',
    showsValue: true,
  }),
);
