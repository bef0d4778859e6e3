import { graphError } from '@smmkit/graph-api/mocks';

/** A publishing error: Graph code, subcode and wordings (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes). */
export interface PublishingError {
  /** Graph `code`. */
  readonly code: number;
  /** Graph `error_subcode`. */
  readonly subcode: number;
  /** `message`. */
  readonly message: string;
  /** `error_user_title`. */
  readonly title: string;
  /** `error_user_msg`. */
  readonly userMsg: string;
}

/** The publishing errors the simulator answers with, by situation (see {@link PUBLISHING_ERRORS}). */
export interface PublishingErrors {
  /** 9 / 2207042: the 24-hour publishing limit is reached. */
  readonly quotaReached: PublishingError;
  /** 9007 / 2207027: the container has not finished processing. */
  readonly notReady: PublishingError;
  /** 24 / 2207008: no such container (for this account). */
  readonly unknownContainer: PublishingError;
  /** -2 / 2207020: the container expired (not published within 24 hours). */
  readonly expired: PublishingError;
  /** 36001 / 2207005: unsupported image format (only JPEG). */
  readonly imageFormat: PublishingError;
  /** 36004 / 2207010: the caption exceeds 2,200 characters. */
  readonly captionTooLong: PublishingError;
  /** 36004 / 2207010 (ASSUMED for hashtags): the caption has more than 30 hashtags. */
  readonly tooManyHashtags: PublishingError;
  /** 100 / 2207040: the caption has more than 20 @ tags. */
  readonly tooManyTags: PublishingError;
  /** 100 / 2207089 (observed): a `media_type=VIDEO` container, a carousel item, published alone. */
  readonly videoNotStandalone: PublishingError;
  /** 352 / 2207026: unsupported video format. */
  readonly videoFormat: PublishingError;
  /** 9004 / 2207052: the media could not be fetched from its URL. */
  readonly fetchFailed: PublishingError;
  /** -2 / 2207003: downloading the media took too long. */
  readonly downloadTimeout: PublishingError;
  /** 100 / 2207028: the carousel failed validation (2 to 10 finished items). */
  readonly carousel: PublishingError;
  /** 4 / 2207051: the action is blocked as spam. */
  readonly spam: PublishingError;
  /** 1 / 2207057: a reel's `thumb_offset` is below 0 or not before the end of its video. */
  readonly thumbOffset: PublishingError;
}

/**
 * Codes and subcodes from Meta's error-codes page
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes);
 * the user messages of 2207042, 2207003, 2207020 and 2207040 are that page's, the other wordings
 * are ASSUMED from observed responses.
 */
export const PUBLISHING_ERRORS: PublishingErrors = {
  quotaReached: {
    code: 9,
    subcode: 2207042,
    message: 'Application request limit reached',
    title: 'Reached maximum number of posts',
    userMsg: 'You reached maximum number of posts that is allowed to be published by Content Publishing API.',
  },
  notReady: {
    code: 9007,
    subcode: 2207027,
    message: 'Media ID is not available',
    title: 'Media not ready for publishing',
    userMsg: 'The media is not ready for publishing, please wait for a moment',
  },
  unknownContainer: {
    code: 24,
    subcode: 2207008,
    message: 'Media builder expired',
    title: 'Media builder expired',
    userMsg: 'The media builder with creation id does not exist or has been expired.',
  },
  expired: {
    code: -2,
    subcode: 2207020,
    message: 'The media you are trying to access has expired. Please try to upload again.',
    title: 'Media expired',
    userMsg: 'The media you are trying to access has expired. Please try to upload again.',
  },
  imageFormat: {
    code: 36001,
    subcode: 2207005,
    message: 'The image format is not supported.',
    title: 'Unsupported image format',
    userMsg: 'The image format is not supported. Supported formats are: JPEG',
  },
  captionTooLong: {
    code: 36004,
    subcode: 2207010,
    message: 'The caption is too long.',
    title: 'Caption too long',
    userMsg: 'The caption was too long. Captions can have at most 2,200 characters.',
  },
  // The error-codes page lists the 30-hashtag limit only under 2207010's solution ("Maximum 2,200
  // characters, 30 hashtags, and 20 @ tags") and gives hashtags no code of their own: the code is
  // that one, the wording ASSUMED.
  tooManyHashtags: {
    code: 36004,
    subcode: 2207010,
    message: 'The caption has too many hashtags.',
    title: 'Too many hashtags',
    userMsg: 'Captions can have at most 30 hashtags. Please submit media with fewer hashtags.',
  },
  // The error-codes page: 100 / 2207040 "Cannot use more than {max-tag-count} tags per created
  // media." — "The app user exceeded the maximum number (20) of @ tags."
  tooManyTags: {
    code: 100,
    subcode: 2207040,
    message: 'Invalid parameter',
    title: 'Too many tags',
    userMsg: 'Cannot use more than 20 tags per created media.',
  },
  // Since November 9, 2023 media_type=VIDEO no longer publishes a feed video ("Use the REELS media
  // type to publish a video to your feed",
  // https://developers.facebook.com/docs/graph-api/changelog/out-of-cycle-changes/june-28-2022): a
  // VIDEO container is a carousel item. The error page does not list this refusal; code,
  // subcode, title and message are Graph's answer as reported in
  // https://github.com/MookieLian/n8n-nodes-instagram/issues/9 (ASSUMED beyond that report).
  videoNotStandalone: {
    code: 100,
    subcode: 2207089,
    message: 'Invalid parameter',
    title: 'Carousel item cannot be published standalone',
    userMsg:
      'Media created with media_type=VIDEO is a carousel item and cannot be published as a standalone post. To publish a standalone video, use media_type=REELS instead.',
  },
  videoFormat: {
    code: 352,
    subcode: 2207026,
    message: 'The video format is not supported.',
    title: 'Unsupported video format',
    userMsg: 'The video format is not supported. Please check spec for supported format.',
  },
  fetchFailed: {
    code: 9004,
    subcode: 2207052,
    message: 'Media download has failed.',
    title: 'Media download has failed',
    userMsg: 'The media could not be fetched from this uri. Please check the uri and try again.',
  },
  downloadTimeout: {
    code: -2,
    subcode: 2207003,
    message: 'Timeout',
    title: 'Timeout',
    userMsg: 'It takes too long to download the media.',
  },
  carousel: {
    code: 100,
    subcode: 2207028,
    message: 'Invalid parameter',
    title: 'Carousel validation failed',
    userMsg: 'The carousel must contain 2 to 10 finished carousel items of this account.',
  },
  spam: {
    code: 4,
    subcode: 2207051,
    message: 'Application request limit reached',
    title: 'Action is blocked',
    userMsg: 'We restrict certain activity to protect our community. Tell us if you think we made a mistake.',
  },
  // The error-codes page: 1 / 2207057 "Thumbnail offset must be greater than or equal to 0 and
  // less than video duration, i.e. {video-length}"; the title is ASSUMED, and `thumbOffsetError`
  // fills in the video's length.
  thumbOffset: {
    code: 1,
    subcode: 2207057,
    message: 'Thumbnail offset must be greater than or equal to 0 and less than video duration',
    title: 'Invalid thumbnail offset',
    userMsg: 'Thumbnail offset must be greater than or equal to 0 and less than video duration',
  },
};

/** The subcodes the simulator knows, for {@link publishingErrorBySubcode}. */
const BY_SUBCODE = new Map<number, PublishingError>(
  Object.values(PUBLISHING_ERRORS).map((error) => [error.subcode, error]),
);

/** The publishing error with `subcode` (an unknown subcode gets code -1, "Instagram server error"). */
export function publishingErrorBySubcode(subcode: number): PublishingError {
  return (
    BY_SUBCODE.get(subcode) ?? {
      code: -1,
      subcode,
      message: 'An unknown error occurred',
      title: 'Instagram server error',
      userMsg: 'Instagram server error. Try again.',
    }
  );
}

/** The Graph response of a publishing error. */
export function publishingError(error: PublishingError): Response {
  return graphError({ ...error, userTitle: error.title, isTransient: false });
}
