import { GraphIdSchema } from '@smmkit/graph-api';
import * as z from 'zod/mini';

// The answers of the video and reel publishing calls: only the fields read, loose objects so
// unknown fields pass through.

/** A byte offset of a resumable upload: Graph writes it as a numeric string (`"1048576"`) or a number. */
const OffsetSchema = z.pipe(
  z.union([z.string().check(z.regex(/^\d+$/)), z.int().check(z.nonnegative())]),
  z.transform((value: string | number) => Number(value)),
);

/**
 * `upload_phase=start` on `/{page-id}/videos` → `{upload_session_id, video_id, start_offset,
 * end_offset}` (https://developers.facebook.com/docs/graph-api/video-uploads, Resumable Upload).
 */
export const VideoUploadStartSchema = z.looseObject({
  upload_session_id: GraphIdSchema,
  video_id: GraphIdSchema,
  start_offset: OffsetSchema,
  end_offset: OffsetSchema,
});

/** `upload_phase=transfer` → the next chunk to send, `{start_offset, end_offset}`; equal when every byte has arrived. */
export const VideoUploadTransferSchema = z.looseObject({
  start_offset: OffsetSchema,
  end_offset: OffsetSchema,
});

/**
 * `POST /{page-id}/video_reels` with `upload_phase=start` → `{video_id, upload_url}`
 * (https://developers.facebook.com/docs/video-api/guides/reels-publishing, Step 1).
 */
export const ReelStartSchema = z.looseObject({
  video_id: GraphIdSchema,
  upload_url: z.optional(z.string()),
});

/** One phase of a video's `status`: `not_started`, `in_progress`, `complete` or `error`. */
const PhaseSchema = z.optional(
  z.looseObject({
    status: z.optional(z.string()),
    error: z.optional(z.looseObject({ message: z.optional(z.string()) })),
  }),
);

/**
 * `GET /{video-id}?fields=status,permalink_url,post_id` → `{status: {video_status, processing_progress,
 * uploading_phase, processing_phase, publishing_phase: {status, publish_status, publish_time}},
 * permalink_url, post_id}` (https://developers.facebook.com/docs/video-api/guides/reels-publishing, Step 4;
 * https://developers.facebook.com/docs/graph-api/reference/video/): `post_id` is the video's Page
 * post, once it has one.
 */
export const VideoStatusSchema = z.looseObject({
  status: z.optional(
    z.looseObject({
      video_status: z.optional(z.string()),
      processing_progress: z.optional(z.number()),
      uploading_phase: PhaseSchema,
      processing_phase: PhaseSchema,
      publishing_phase: z.optional(
        z.looseObject({
          status: z.optional(z.string()),
          publish_status: z.optional(z.string()),
          publish_time: z.optional(z.union([z.string(), z.number()])),
        }),
      ),
    }),
  ),
  permalink_url: z.optional(z.string()),
  post_id: z.optional(GraphIdSchema),
});

/** A video's status as {@link VideoStatusSchema} reads it. */
export type VideoStatus = z.output<typeof VideoStatusSchema>;
