import type { Media, ValidationProblem } from '@smmkit/core';
import type { PostFormat } from '@smmkit/core/adapter-kit';

/** An aspect ratio as Meta writes it, `width:height` in whole numbers (4:5, 191:100). */
export interface RatioBound {
  /** The width part. */
  readonly width: number;
  /** The height part. */
  readonly height: number;
}

/** The narrowest and widest aspect ratio Instagram publishes for one kind of media. */
export interface AspectRatioRange {
  /** The narrowest (tallest) ratio taken. */
  readonly min: RatioBound;
  /** The widest ratio taken. */
  readonly max: RatioBound;
  /** Meta's words for the range, for messages. */
  readonly label: string;
}

/**
 * Feed and carousel images: "Aspect ratio: Must be within a 4:5 to 1.91:1 range"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media, Image Specifications).
 */
export const FEED_IMAGE_ASPECT_RATIO: AspectRatioRange = {
  min: { width: 4, height: 5 },
  max: { width: 191, height: 100 },
  label: '4:5 to 1.91:1',
};

/**
 * Reels: "Required aspect ratio is between 0.01:1 and 10:1 but we recommend 9:16 to avoid
 * cropping or blank space" (same page, Reel Specifications). Carousel videos get no
 * specification of their own there; they are held to the reels' range (ASSUMED).
 */
export const REEL_ASPECT_RATIO: AspectRatioRange = {
  min: { width: 1, height: 100 },
  max: { width: 10, height: 1 },
  label: '0.01:1 to 10:1',
};

/** Story videos: "Required aspect ratio is between 0.1:1 and 10:1" (same page, Story Video Specifications). */
export const STORY_VIDEO_ASPECT_RATIO: AspectRatioRange = {
  min: { width: 1, height: 10 },
  max: { width: 10, height: 1 },
  label: '0.1:1 to 10:1',
};

/** A bound as a decimal, as `capabilities` declare it (`minAspectRatio: 0.8`). */
export const ratioValue = (bound: RatioBound): number => bound.width / bound.height;

/**
 * The range a media item is held to: story images have none (the Story Image Specifications
 * only recommend 9:16), story videos 0.1:1–10:1, other videos (reels, carousel videos)
 * 0.01:1–10:1, other images (feed, carousel) 4:5–1.91:1.
 */
function rangeFor(item: Media, format: PostFormat): AspectRatioRange | undefined {
  if (item.kind === 'image') return format === 'story' ? undefined : FEED_IMAGE_ASPECT_RATIO;
  if (item.kind !== 'video') return undefined;
  return format === 'story' ? STORY_VIDEO_ASPECT_RATIO : REEL_ASPECT_RATIO;
}

/**
 * The ratio as a user reads it: to 3 decimals (3 significant digits below 0.1), or to as many
 * more as it takes not to read as the bound it is outside of (1079 × 1349 is 0.7999:1, not
 * "0.8:1").
 */
function shownRatio(ratio: number, limit: number): number {
  const first = Math.max(3, 2 - Math.floor(Math.log10(ratio)));
  for (let digits = first; digits < first + 4; digits++) {
    const shown = Number(ratio.toFixed(digits));
    if (shown !== limit) return shown;
  }
  return ratio;
}

/**
 * Every media item whose width and height fall outside the aspect ratios Instagram takes for it,
 * compared exactly, as whole-number cross products (`width × 5 ≥ height × 4`), so a ratio just
 * outside a bound is refused even where rounding would make it read as the bound (1079 × 1349,
 * 0.7999:1), and one exactly on a bound (1080 × 1350, 4:5) is taken. Items without both
 * dimensions are not checked. Problems are rule `media.aspect_ratio` at `media.{i}.width`, with
 * the bound and the ratio as decimals in `limit` and `actual`.
 *
 * @param media - the post's media
 * @param format - the format it is published as (`feed`, `reel`, `story`)
 * @returns the problems, empty when every ratio is taken
 *
 * @example
 * ```ts
 * instagramAspectRatioProblems([{ kind: 'image', width: 1079, height: 1349, … }], 'feed'); // one problem, actual 0.7999
 * ```
 */
export function instagramAspectRatioProblems(
  media: readonly Media[],
  format: PostFormat,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  media.forEach((item, index) => {
    const range = rangeFor(item, format);
    const { width, height } = item;
    if (range === undefined || width === undefined || height === undefined || height <= 0) return;
    const tooTall = width * range.min.height < height * range.min.width;
    const tooWide = width * range.max.height > height * range.max.width;
    if (!tooTall && !tooWide) return;
    const limit = ratioValue(tooTall ? range.min : range.max);
    const actual = shownRatio(width / height, limit);
    problems.push({
      path: ['media', index, 'width'],
      rule: 'media.aspect_ratio',
      message: `is ${width} × ${height} px, a ${actual}:1 aspect ratio; Instagram takes ${range.label} for this ${item.kind}${format === 'story' ? ' in a story' : ''}, so crop it to fit`,
      limit,
      actual,
    });
  });
  return problems;
}
