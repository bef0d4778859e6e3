import type { PlatformSimulator, SimulatedPost } from '@smmkit/testkit';
import {
  type AuthorizationCodes,
  type AuthorizationGrant,
  type RateLimiter,
  readExtra,
} from '@smmkit/testkit/simulator-kit';
import type { FollowerStatistics } from './follower-statistics.js';
import { type OrganizationOperation, type OrganizationRole, rolesAllow } from './organization-roles.js';

/** What an upload URL is waiting for, until its bytes have all arrived. */
export interface UploadSession {
  /** The asset's URN (`urn:li:image:…`, `urn:li:video:…`, `urn:li:document:…`). */
  readonly urn: string;
  /** Which API handed it out. */
  readonly collection: 'images' | 'videos' | 'documents';
  /** The owner declared at initialize. */
  readonly owner: string;
  /** The member whose token initialized it. */
  readonly memberId: string;
  /** Video: the size declared (`fileSizeBytes`). */
  readonly fileSizeBytes: number | undefined;
  /** Video: the parts as handed out, `[firstByte, lastByte]`. */
  readonly parts: readonly (readonly [number, number])[];
  /** Video: the `uploadToken` finalize must repeat. */
  readonly uploadToken: string;
  /** The ETag each part was answered with, by part index. */
  readonly etags: Map<number, string>;
}

/** An organization (a LinkedIn Page) and who holds which role on it. */
export interface SimulatedOrganization {
  /** `urn:li:organization:…`. */
  readonly urn: string;
  /** Its name, as a mention of it must spell it. */
  readonly name: string;
  /** The approved roles of each member (`urn:li:person:…`) who has any. */
  readonly roles: Map<string, Set<OrganizationRole>>;
  /** Members following it. */
  followers: number;
}

/** A reaction on a post or comment (Reactions API). */
export interface SimulatedReaction {
  /** `urn:li:reaction:({actor},{post})`. */
  readonly id: string;
  /** Who reacted. */
  readonly actor: string;
  /** `LIKE`, `PRAISE`, `EMPATHY`, `INTEREST`, `APPRECIATION` or `ENTERTAINMENT`. */
  readonly reactionType: string;
  /** When, simulated time. */
  readonly createdAt: number;
}

/** A member's consent (its `accountId` the member URN), until its code is exchanged. */
export interface LinkedInGrant extends AuthorizationGrant {
  /** Whether the app gets a refresh token (approved for programmatic refresh). */
  readonly refreshable: boolean;
}

/** The API versions the simulator serves, oldest and newest (`YYYYMM`). */
export interface ActiveVersions {
  /** Older versions are sunset: 426 `NONEXISTENT_VERSION`. */
  readonly oldest: string;
  /** Newer versions do not exist yet: 426 too. */
  readonly newest: string;
}

/** Everything the LinkedIn routes share. */
export interface LinkedInSimContext {
  /** The api.linkedin.com simulator: accounts, tokens, posts, media, engagement, faults, log. */
  readonly sim: PlatformSimulator;
  /** The www.linkedin.com simulator: OAuth and the upload URLs. */
  readonly www: PlatformSimulator;
  /** The versions served. */
  readonly versions: ActiveVersions;
  /** How long images and documents take to process, simulated milliseconds. */
  readonly mediaProcessingMs: number;
  /** How long videos take to process, simulated milliseconds. */
  readonly videoProcessingMs: number;
  /** Size of each video part handed out (LinkedIn: 4 MiB). */
  readonly videoPartBytes: number;
  /**
   * Posts counted per member (`posts_member`) and per app (`posts_app`) in windows that reset at
   * midnight UTC (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits).
   */
  readonly dailyPosts: RateLimiter;
  /** Upload sessions by upload id. */
  readonly uploads: Map<string, UploadSession>;
  /** Organizations by URN. */
  readonly organizations: Map<string, SimulatedOrganization>;
  /** Reasons the next finalized videos fail processing with, in order. */
  readonly videoFailures: string[];
  /** Reactions by the post or comment URN they are on, oldest first. */
  readonly reactions: Map<string, SimulatedReaction[]>;
  /** Registered apps: client id → client secret (an unregistered client id is taken with any secret). */
  readonly apps: Map<string, string>;
  /** Authorization codes not yet exchanged (30 minutes, no PKCE). */
  readonly codes: AuthorizationCodes<LinkedInGrant>;
  /** Follower statistics seeded per organization; others get `defaultFollowerStatistics`. */
  readonly followerStatistics: Map<string, FollowerStatistics>;
  /**
   * Posts deleted through `DELETE /rest/posts/{urn}`, by URN, with their author: deleting one
   * again answers 204, as LinkedIn's post deletions are idempotent (Posts API).
   */
  readonly deletedPosts: Map<string, string>;
}

/** What a post (or comment) keeps in `SimulatedPost.extra`. */
export interface LinkedInPostExtra {
  /** `post` for a share, `comment` for a comment or reply. */
  readonly kind: 'post' | 'comment';
  /** The author (post) or actor (comment) URN. */
  readonly author: string;
  /** `PUBLIC`, `CONNECTIONS`, `LOGGED_IN`. */
  readonly visibility: string;
  /** The commentary as sent, in the little format. */
  readonly commentary: string;
  /** Which content it has: `none`, `media`, `multiImage`, `poll` or `article`. */
  readonly content: string;
  /** The poll's question, for a poll. */
  readonly pollQuestion: string | undefined;
  /** The poll's duration (`ONE_DAY`…), for a poll. */
  readonly pollDuration: string | undefined;
  /** The article's URL, for an article. */
  readonly articleSource: string | undefined;
  /** The article's or document's title. */
  readonly title: string | undefined;
  /** URNs mentioned in the commentary, in order. */
  readonly mentions: readonly string[];
  /** Hashtags in the commentary, without `#`. */
  readonly hashtags: readonly string[];
  /** Whether LinkedIn cut the commentary at an unescaped reserved character. */
  readonly truncated: boolean;
  /** Whether others may reshare it. */
  readonly reshareDisabled: boolean;
  /** For a reshare: the post it reshares, and the first post of that chain. */
  readonly reshare:
    | {
        /** The post it reshares. */
        readonly parent: string;
        /** The first post of the chain of reshares. */
        readonly root: string;
      }
    | undefined;
  /** For a comment: the post it is on. */
  readonly object: string | undefined;
  /** For a reply: the comment it answers. */
  readonly parentComment: string | undefined;
}

/** A plain member post: the defaults for posts stored by other tools (the conformance suite). */
export const PLAIN_POST: LinkedInPostExtra = {
  kind: 'post',
  author: '',
  visibility: 'PUBLIC',
  commentary: '',
  content: 'none',
  pollQuestion: undefined,
  pollDuration: undefined,
  articleSource: undefined,
  title: undefined,
  mentions: [],
  hashtags: [],
  truncated: false,
  reshareDisabled: false,
  reshare: undefined,
  object: undefined,
  parentComment: undefined,
};

/** The LinkedIn fields of a stored post; `author` defaults to the account that stored it. */
export function postExtra(post: SimulatedPost): LinkedInPostExtra {
  const extra = readExtra(post.extra, PLAIN_POST);
  return extra.author === '' ? { ...extra, author: post.accountId } : extra;
}

/**
 * Whether `member` may do `operation` as `actor`: `actor` is the member, or an organization on which
 * the member holds a role that allows it (see `ROLES_FOR`).
 */
export function mayActAs(
  context: LinkedInSimContext,
  member: string,
  actor: string,
  operation: OrganizationOperation,
): boolean {
  return actor === member || mayDoFor(context, member, actor, operation);
}

/** Whether `member` holds a role on the organization `organization` that allows `operation`. */
export function mayDoFor(
  context: LinkedInSimContext,
  member: string,
  organization: string,
  operation: OrganizationOperation,
): boolean {
  const held = context.organizations.get(organization)?.roles.get(member);
  return held !== undefined && rolesAllow(held, operation);
}

/** A path key as the route received it, URL-decoded (Rest.li encodes URNs in paths). */
export function pathKey(value: string | readonly string[] | undefined): string {
  const raw = String(value ?? '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
