import type { PostRef } from '@smmkit/core';

// LinkedIn names every entity with a URN, `urn:li:{type}:{id}`
// (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/urns).

/** A member or organization URN: the authors a post can have (Posts API `author`). */
export const AUTHOR_URN = /^urn:li:(person|organization):[^\s:()]+$/;

/** A post URN as the Posts API hands it out (`x-restli-id`): a share or a ugcPost. */
export const POST_URN = /^urn:li:(share|ugcPost):[^\s:()]+$/;

/**
 * A comment URN, `urn:li:comment:({the commented entity's URN},{comment id})`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api).
 */
export const COMMENT_URN = /^urn:li:comment:\(urn:li:[A-Za-z]+:[^\s,()]+,[^\s,()]+\)$/;

/**
 * Whether `value` is a member or organization URN, the authors the Posts API takes
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 *
 * @param value - the value to check
 * @returns true for `urn:li:person:…` and `urn:li:organization:…`
 *
 * @example
 * ```ts
 * isAuthorUrn('urn:li:organization:2414183'); // true
 * isAuthorUrn('2414183'); // false
 * ```
 */
export function isAuthorUrn(value: string): boolean {
  return AUTHOR_URN.test(value);
}

/** Whether the URN is an organization's. */
export function isOrganizationUrn(urn: string): boolean {
  return urn.startsWith('urn:li:organization:');
}

/**
 * A URN as one path segment or query value, in Rest.li 2.0's URL encoding: percent-encoded, with
 * Rest.li's own delimiters `( ) , '` encoded too, so a compound URN such as a comment's
 * `urn:li:comment:(urn:li:activity:1,2)` stays one key
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version).
 *
 * @param urn - the URN
 * @returns it, encoded (`urn%3Ali%3Ashare%3A123`)
 *
 * @example
 * ```ts
 * encodeUrn('urn:li:comment:(urn:li:activity:1,2)'); // 'urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A1%2C2%29'
 * ```
 */
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn).replace(/[()']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Rest.li key as LinkedIn may send it in a header (`x-restli-id`): either as is, or with Rest.li's
 * delimiters `, ( ) ' :` percent-encoded, which is undone here.
 *
 * @param value - the header's value
 * @returns the key (`urn:li:share:123`)
 */
export function decodeRestliKey(value: string): string {
  return value.replace(/%2C|%28|%29|%27|%3A/gi, (escaped) => decodeURIComponent(escaped));
}

/**
 * A post's public URL: `https://www.linkedin.com/feed/update/{urn}/`, which works for shares and
 * ugcPosts alike (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 *
 * @param urn - the post URN
 * @returns the URL
 *
 * @example
 * ```ts
 * linkedInPostUrl('urn:li:share:7251234567890123456');
 * // 'https://www.linkedin.com/feed/update/urn:li:share:7251234567890123456/'
 * ```
 */
export function linkedInPostUrl(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

/**
 * A `PostRef` to a post of the account `accountId`, with its URL.
 *
 * @param urn - the post URN
 * @param accountId - the account that published it
 * @returns the reference
 *
 * @example
 * ```ts
 * linkedInPostRef('urn:li:share:7251234567890123456', 'urn:li:person:8675309').url;
 * ```
 */
export function linkedInPostRef(urn: string, accountId: string): PostRef {
  return { platform: 'linkedin', accountId, platformPostId: urn, url: linkedInPostUrl(urn) };
}
