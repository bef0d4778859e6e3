import type { PlatformSimulator } from '@smmkit/testkit';
import type { AuthorizationCodes } from '@smmkit/testkit/simulator-kit';
import type { LogIds } from './answers.js';

/** What creator info answers for one creator, as a test sets it. */
export interface SimulatedCreator {
  /** The creator's username (`@` name). */
  readonly username: string;
  /** The creator's nickname. */
  readonly nickname: string;
  /** The account is private (only approved followers see it); an unaudited app posts only to such. */
  privateAccount: boolean;
  /** The privacy levels the creator offers. */
  privacyLevelOptions: readonly string[];
  /** Comments turned off in the creator's settings. */
  commentDisabled: boolean;
  /** Duets turned off. */
  duetDisabled: boolean;
  /** Stitches turned off. */
  stitchDisabled: boolean;
  /** Longest video the creator may post, in seconds. */
  maxVideoPostDurationSec: number;
}

/** A file upload of a publish: what its init declared and what has come so far. */
export interface PublicationUpload {
  /** `video_size`. */
  readonly videoSize: number;
  /** `chunk_size`. */
  readonly chunkSize: number;
  /** `total_chunk_count`. */
  readonly totalChunkCount: number;
  /** The `Content-Type`s the chunks may carry. */
  readonly mimeTypes: readonly string[];
  /** The `upload_token` of the upload URL. */
  readonly token: string;
  /** When the upload URL stops working (an hour after the init), simulated ms. */
  readonly expiresAt: number;
  /** Bytes received so far. */
  receivedBytes: number;
  /** Chunks received so far. */
  receivedChunks: number;
}

/** What a publish's post says and holds. */
export interface PublicationContent {
  /** The video's caption, or the photo post's description. */
  readonly text: string;
  /** The photo post's title (empty for a video). */
  readonly title: string;
  /** The privacy level of a direct post. */
  readonly privacyLevel: string | undefined;
  /** The media kinds, in order. */
  readonly mediaKinds: readonly ('video' | 'image')[];
  /** Their MIME type. */
  readonly mimeType: string;
}

/** A publish, from its init to its end. */
export interface Publication {
  /** TikTok's `publish_id`. */
  readonly id: string;
  /** The creator. */
  readonly accountId: string;
  /** A video or a photo post. */
  readonly kind: 'video' | 'photo';
  /** A direct post or an inbox draft. */
  readonly mode: 'direct' | 'inbox';
  /** How the media arrive. */
  readonly source: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  /** When the init was answered. */
  readonly createdAt: number;
  /** For a file upload: what the init declared, what came, and the upload URL's secret. */
  readonly upload?: PublicationUpload;
  /** When TikTok has all the media (the last chunk, or the init of a pull); processing starts then. */
  mediaAt: number | undefined;
  /** The public id the post gets once public (a direct post). */
  readonly postId: string;
  /** What the post says and holds, stored as a post when the media are all there. */
  readonly content: PublicationContent;
  /** Why processing fails, when a test said it would (`failNextPublish`). */
  readonly failReason: string | undefined;
  /** Cancelled before it was done. */
  cancelled: boolean;
}

/** What the TikTok simulator's routes share. */
export interface TikTokSimContext {
  /** open.tiktokapis.com: accounts (creators by `open_id`), tokens, posts, faults, log. */
  readonly sim: PlatformSimulator;
  /** open-upload.tiktokapis.com: the upload URLs. */
  readonly upload: PlatformSimulator;
  /** Creator info per account. */
  readonly creators: Map<string, SimulatedCreator>;
  /** Publishes by `publish_id`. */
  readonly publications: Map<string, Publication>;
  /** How long TikTok processes media once it has them, simulated ms. */
  readonly processingMs: number;
  /** How long a published post waits for moderation before it has a public id, simulated ms. */
  readonly moderationMs: number;
  /** The app is unaudited: SELF_ONLY posts to private accounts only, at most 5 posting creators a day. */
  readonly unaudited: boolean;
  /** URL prefixes verified for the app, or `undefined` when every HTTPS URL is. */
  readonly verifiedUrlPrefixes: readonly string[] | undefined;
  /** Direct posts a creator may make in 24 hours (TikTok's daily cap). */
  readonly dailyPostsPerCreator: number;
  /** Drafts a creator may have waiting in their inbox in 24 hours. */
  readonly pendingInboxLimit: number;
  /** `fail_reason`s the next publishes will fail with. */
  readonly failures: string[];
  /** One entry per chunk the upload host will lose, next first (`loseNextChunk`). */
  readonly chunksToLose: 'lost'[];
  /** Apps: client key → client secret. */
  readonly apps: Map<string, string>;
  /** Authorization codes handed out (a creator's consent, its `clientId` the client key). */
  readonly codes: AuthorizationCodes;
  /** Access token lifetime, seconds. */
  readonly accessTokenSeconds: number;
  /** Refresh token lifetime, seconds. */
  readonly refreshTokenSeconds: number;
  /** The `log_id`s of every answer of both hosts (the dialect's too), numbered again on reset. */
  readonly logIds: LogIds;
}
