import { countHashtags, countMentions, countText } from '../content/text-length.js';
import { shownText } from '../content/text-with-link.js';
import { hasVisibleText } from '../content/visible-text.js';
import type { ValidationProblem } from '../errors/validation-error.js';
import { type Media, mediaSize } from '../models/media.js';
import type { Post } from '../models/post.js';
import type { Capabilities, MediaKindRules, MediaSet, PostFormat, TextCounting } from './capabilities.js';

/** Options of {@link checkPostRules}. */
export interface CheckPostRulesOptions {
  /** The platform's name for messages (`X`, `Instagram`). */
  readonly platformName: string;
  /** Counts text for `weighted` counting (required then); overrides the built-in counters otherwise. */
  readonly countText?: ((text: string) => number) | undefined;
  /** The format the post is published as (from the adapter's own options); default `feed`. */
  readonly format?: PostFormat | undefined;
}

type Path = readonly (string | number)[];

/**
 * Checks a post against the rules its adapter's {@link Capabilities} declare, with no I/O, and
 * returns every problem: empty posts, text and title length, hashtags and mentions, required
 * media, each item's kind, MIME type, source, size, duration, dimensions, aspect ratio, frame
 * rate and alt text, allowed media combinations, formats, threads (each part too), polls and
 * first comments. Adapters call it from `validate` and add their platform's own rules.
 *
 * Text, titles, poll options and first comments made only of invisible characters (white
 * space, NUL and other controls, zero-width characters) count as empty: a platform shows
 * nothing for them, and refuses a comment or poll option without text.
 *
 * @example
 * ```ts
 * validate: (post) => [
 *   ...checkPostRules(post, capabilities, { platformName: 'X', countText: weightedLength }),
 *   ...xOnlyRules(post),
 * ],
 * ```
 */
export function checkPostRules(
  post: Post,
  capabilities: Capabilities,
  options: CheckPostRulesOptions,
): ValidationProblem[] {
  const { platformName: name } = options;
  const format = options.format ?? 'feed';
  const problems: ValidationProblem[] = [];
  const length = lengthCounter(capabilities.text.counting, capabilities.text.urlLength, options.countText);

  if (!capabilities.formats.includes(format)) {
    problems.push({
      path: ['options'],
      rule: 'format.unsupported',
      message: `${name} does not publish the "${format}" format (it publishes: ${capabilities.formats.join(', ')})`,
      actual: format,
    });
  }
  const text = shownText(post, capabilities.links);
  checkPart(
    { text, media: post.media ?? [], hasPoll: post.poll !== undefined },
    [],
    problems,
    capabilities,
    format,
    name,
    length,
  );
  checkTitle(post, capabilities, name, problems);
  checkThread(post, capabilities, format, name, length, problems);
  checkPoll(post, capabilities, name, problems);
  if (post.firstComment !== undefined) {
    if (!capabilities.firstComment) {
      problems.push({
        path: ['firstComment'],
        rule: 'first_comment.unsupported',
        message: `${name} cannot add a first comment`,
      });
    } else if (!hasVisibleText(post.firstComment)) {
      // A comment needs text: Instagram's POST /{ig-media-id}/comments takes it as the required
      // `message` (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments),
      // and no platform publishes an empty one.
      problems.push({
        path: ['firstComment'],
        rule: 'first_comment.empty',
        message: `is empty; ${name} cannot post an empty comment`,
      });
    } else {
      checkLength(post.firstComment, ['firstComment'], capabilities.text.maxLength, length, name, problems);
    }
  }
  return problems;
}

interface PartContent {
  readonly text: string;
  readonly media: readonly Media[];
  readonly hasPoll: boolean;
}

function checkPart(
  part: PartContent,
  at: Path,
  problems: ValidationProblem[],
  capabilities: Capabilities,
  format: PostFormat,
  name: string,
  length: (text: string) => number,
): void {
  const rules = capabilities.text;
  const isEmpty = !hasVisibleText(part.text);
  if (isEmpty && part.media.length === 0 && !part.hasPoll) {
    problems.push({ path: at, rule: 'post.empty', message: 'a post needs text or media' });
  } else if (isEmpty && rules.required) {
    problems.push({ path: [...at, 'text'], rule: 'text.required', message: `${name} needs text` });
  }
  checkLength(part.text, [...at, 'text'], rules.maxLength, length, name, problems);
  checkCount(
    countHashtags(part.text),
    rules.maxHashtags,
    [...at, 'text'],
    'text.max_hashtags',
    'hashtags',
    name,
    problems,
  );
  checkCount(
    countMentions(part.text),
    rules.maxMentions,
    [...at, 'text'],
    'text.max_mentions',
    'mentions',
    name,
    problems,
  );
  checkMedia(part.media, [...at, 'media'], capabilities, format, name, problems);
}

function checkLength(
  text: string,
  path: Path,
  maxLength: number,
  length: (text: string) => number,
  name: string,
  problems: ValidationProblem[],
): void {
  const actual = length(text);
  if (actual > maxLength) {
    problems.push({
      path,
      rule: 'text.max_length',
      message: `is ${actual} characters long; ${name} allows ${maxLength}`,
      limit: maxLength,
      actual,
    });
  }
}

function checkCount(
  actual: number,
  limit: number | undefined,
  path: Path,
  rule: string,
  what: string,
  name: string,
  problems: ValidationProblem[],
): void {
  if (limit !== undefined && actual > limit) {
    problems.push({ path, rule, message: `has ${actual} ${what}; ${name} allows ${limit}`, limit, actual });
  }
}

function checkTitle(
  post: Post,
  capabilities: Capabilities,
  name: string,
  problems: ValidationProblem[],
): void {
  const rules = capabilities.title;
  if (rules === undefined) return;
  const title = post.title ?? '';
  if (rules.required && !hasVisibleText(title)) {
    problems.push({ path: ['title'], rule: 'title.required', message: `${name} needs a title` });
  }
  if (rules.counting !== 'weighted') {
    const actual = countText(title, rules.counting);
    if (actual > rules.maxLength) {
      problems.push({
        path: ['title'],
        rule: 'title.max_length',
        message: `is ${actual} characters long; ${name} allows ${rules.maxLength}`,
        limit: rules.maxLength,
        actual,
      });
    }
  }
}

function checkThread(
  post: Post,
  capabilities: Capabilities,
  format: PostFormat,
  name: string,
  length: (text: string) => number,
  problems: ValidationProblem[],
): void {
  const thread = post.thread ?? [];
  if (thread.length === 0) return;
  if (capabilities.threads === false) {
    problems.push({ path: ['thread'], rule: 'thread.unsupported', message: `${name} has no threads` });
    return;
  }
  const maxParts = capabilities.threads.maxParts;
  if (maxParts !== undefined && thread.length + 1 > maxParts) {
    problems.push({
      path: ['thread'],
      rule: 'thread.max_parts',
      message: `has ${thread.length + 1} parts; ${name} allows ${maxParts}`,
      limit: maxParts,
      actual: thread.length + 1,
    });
  }
  thread.forEach((part, index) => {
    checkPart(
      { text: part.text, media: part.media ?? [], hasPoll: false },
      ['thread', index],
      problems,
      capabilities,
      format,
      name,
      length,
    );
  });
}

function checkPoll(
  post: Post,
  capabilities: Capabilities,
  name: string,
  problems: ValidationProblem[],
): void {
  const { poll } = post;
  if (poll === undefined) return;
  const rules = capabilities.polls;
  if (rules === false) {
    problems.push({ path: ['poll'], rule: 'poll.unsupported', message: `${name} has no polls` });
    return;
  }
  const count = poll.options.length;
  if (count < rules.minOptions || count > rules.maxOptions) {
    problems.push({
      path: ['poll', 'options'],
      rule: 'poll.options',
      message: `has ${count} options; ${name} allows ${rules.minOptions} to ${rules.maxOptions}`,
      limit: `${rules.minOptions}-${rules.maxOptions}`,
      actual: count,
    });
  }
  poll.options.forEach((option, index) => {
    const actual = countText(option, 'code_points');
    if (!hasVisibleText(option)) {
      // Every option is a label people pick: X takes 1–25 characters each
      // (https://docs.x.com/x-api/posts/create-post, `poll.options`), and a blank one shows nothing.
      problems.push({
        path: ['poll', 'options', index],
        rule: 'poll.option_empty',
        message: `is empty; ${name} needs text in every option`,
      });
    } else if (actual > rules.maxOptionLength) {
      problems.push({
        path: ['poll', 'options', index],
        rule: 'poll.option_length',
        message: `is ${actual} characters long; ${name} allows ${rules.maxOptionLength}`,
        limit: rules.maxOptionLength,
        actual,
      });
    }
  });
  const minutes = poll.durationMinutes;
  const allowed = rules.durationsMinutes;
  const outOfRange = minutes < rules.minDurationMinutes || minutes > rules.maxDurationMinutes;
  if (outOfRange || (allowed !== undefined && !allowed.includes(minutes))) {
    problems.push({
      path: ['poll', 'durationMinutes'],
      rule: 'poll.duration',
      message:
        allowed === undefined
          ? `is ${minutes} minutes; ${name} allows ${rules.minDurationMinutes} to ${rules.maxDurationMinutes}`
          : `is ${minutes} minutes; ${name} allows only ${allowed.join(', ')}`,
      limit:
        allowed === undefined ? `${rules.minDurationMinutes}-${rules.maxDurationMinutes}` : allowed.join(','),
      actual: minutes,
    });
  }
}

function checkMedia(
  media: readonly Media[],
  at: Path,
  capabilities: Capabilities,
  format: PostFormat,
  name: string,
  problems: ValidationProblem[],
): void {
  const rules = capabilities.media;
  if (media.length === 0) {
    if (rules.required && at.length === 1) {
      problems.push({
        path: at,
        rule: 'media.required',
        message: `${name} needs at least one image or video`,
      });
    }
    return;
  }
  media.forEach((item, index) => {
    const kindRules = rules.kinds[item.kind];
    const path = [...at, index];
    if (kindRules === undefined) {
      problems.push({
        path: [...path, 'kind'],
        rule: 'media.kind',
        message: `${name} does not take ${item.kind} media`,
        actual: item.kind,
      });
      return;
    }
    if (!rules.sources.includes(item.source.type)) {
      problems.push({
        path: [...path, 'source'],
        rule: 'media.source',
        message: `${name} cannot upload from a ${item.source.type} source (it takes: ${rules.sources.join(', ')})`,
        actual: item.source.type,
      });
    }
    checkMediaItem(item, path, kindRules, name, problems);
  });
  const sets = rules.sets.filter((set) => (set.format ?? 'feed') === format);
  if (!sets.some((set) => fitsSet(media, set))) {
    problems.push({
      path: at,
      rule: 'media.combination',
      message: `${describeMedia(media)} is not allowed; ${name} takes ${sets.map(describeSet).join(', or ') || 'no media'}${format === 'feed' ? '' : ` in a ${format}`}`,
      actual: media.length,
    });
  }
}

function checkMediaItem(
  item: Media,
  path: Path,
  rules: MediaKindRules,
  name: string,
  problems: ValidationProblem[],
): void {
  const bound = (
    actual: number | undefined,
    min: number | undefined,
    max: number | undefined,
    field: string,
    rule: string,
    unit: string,
  ) => {
    if (actual === undefined) return;
    if (min !== undefined && actual < min) {
      problems.push({
        path: [...path, field],
        rule,
        message: `is ${actual}${unit}; ${name} needs at least ${min}${unit}`,
        limit: min,
        actual,
      });
    } else if (max !== undefined && actual > max) {
      problems.push({
        path: [...path, field],
        rule,
        message: `is ${actual}${unit}; ${name} allows at most ${max}${unit}`,
        limit: max,
        actual,
      });
    }
  };
  if (!rules.mimeTypes.some((type) => type.toLowerCase() === item.mimeType.toLowerCase())) {
    problems.push({
      path: [...path, 'mimeType'],
      rule: 'media.mime_type',
      message: `${item.mimeType} is not accepted for ${item.kind}; ${name} takes ${rules.mimeTypes.join(', ')}`,
      actual: item.mimeType,
    });
  }
  bound(mediaSize(item), undefined, rules.maxBytes, 'sizeBytes', 'media.max_bytes', ' bytes');
  bound(item.durationSec, rules.minDurationSec, rules.maxDurationSec, 'durationSec', 'media.duration', ' s');
  bound(item.width, rules.minWidth, rules.maxWidth, 'width', 'media.width', ' px');
  bound(item.height, rules.minHeight, rules.maxHeight, 'height', 'media.height', ' px');
  bound(item.fps, rules.minFps, rules.maxFps, 'fps', 'media.fps', ' fps');
  if (item.width !== undefined && item.height !== undefined) {
    const ratio = Math.round((item.width / item.height) * 1000) / 1000;
    bound(
      ratio,
      rules.minAspectRatio,
      rules.maxAspectRatio,
      'width',
      'media.aspect_ratio',
      ':1 aspect ratio',
    );
  }
  if (item.altText !== undefined && rules.altTextMaxLength !== undefined) {
    const actual = countText(item.altText, 'code_points');
    bound(actual, undefined, rules.altTextMaxLength, 'altText', 'media.alt_text_length', ' characters');
  }
}

function fitsSet(media: readonly Media[], set: MediaSet): boolean {
  return (
    media.length >= set.min && media.length <= set.max && media.every((item) => set.kinds.includes(item.kind))
  );
}

function describeSet(set: MediaSet): string {
  const count = set.min === set.max ? `${set.max}` : `${set.min}–${set.max}`;
  return `${count} ${set.kinds.join('/')}`;
}

function describeMedia(media: readonly Media[]): string {
  const counts = new Map<string, number>();
  for (const item of media) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(' + ');
}

function lengthCounter(
  counting: TextCounting,
  urlLength: number | undefined,
  custom: ((text: string) => number) | undefined,
): (text: string) => number {
  if (custom) return custom;
  if (counting === 'weighted') {
    throw new TypeError('checkPostRules: weighted text counting needs options.countText from the adapter.');
  }
  return (text) => countText(text, counting, urlLength);
}
