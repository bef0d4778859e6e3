import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import type { EngagementKind } from '../models/engagement.js';
import { checkWindow } from './research-inputs.js';
import { isValidDate } from './validate-inputs.js';

/** A brand and the words that name it in a post (its name, handle, hashtag, product names). */
export interface BrandTerms {
  /** The brand's name, as shown (unique among the brands compared). */
  readonly brand: string;
  /** Words or phrases that count as a mention, matched whole-word and case-insensitively. */
  readonly terms: readonly string[];
  /** True for the app's own brand. */
  readonly own?: boolean | undefined;
}

/**
 * A listened post or inbox item: its text, and when given its kind, its id (so a repeat counts
 * once) and its creation time (for a window). A core `Engagement` fits.
 */
export interface ListenedItem {
  /** The item's text. */
  readonly text: string;
  /** Platform id, with `id` the item's key. */
  readonly platform?: string | undefined;
  /** The platform's id for the item; a second item with the same platform and id is ignored. */
  readonly id?: string | undefined;
  /** When it was posted; needed when a window is given. */
  readonly createdAt?: Date | undefined;
  /** What it is, when it comes from the inbox. */
  readonly kind?: EngagementKind | undefined;
}

/** Options of {@link shareOfVoice} (and of the influencer ranking's item selection). */
export interface ListenedOptions {
  /** Only items posted at or after this instant. */
  readonly since?: Date | undefined;
  /** Only items posted before this instant. */
  readonly until?: Date | undefined;
  /**
   * Inbox kinds that count as listened posts (default: `mention`, `comment` and `reply`; direct
   * messages are private and reactions have no text). Items without a kind always count.
   */
  readonly kinds?: readonly EngagementKind[] | undefined;
}

/** One brand's share of voice. */
export interface BrandVoice {
  /** The brand's name. */
  readonly brand: string;
  /** True for the app's own brand. */
  readonly own: boolean;
  /** Items mentioning the brand (an item counts once per brand it names). */
  readonly mentions: number;
  /** mentions ÷ all brands' mentions; `null` when no brand is mentioned. */
  readonly share: number | null;
}

/** The result of {@link shareOfVoice}. */
export interface ShareOfVoice {
  /** Items read (after the window, kind and repeat filters). */
  readonly items: number;
  /** Σ mentions over the brands. */
  readonly totalMentions: number;
  /** One entry per brand, in the order given. */
  readonly brands: readonly BrandVoice[];
}

/** Kinds counted as listened posts by default. */
export const LISTENED_KINDS: readonly EngagementKind[] = ['mention', 'comment', 'reply'];

/** A letter, digit or underscore: a term must not touch one, so `rival` does not match `rivalry`. */
const WORD = String.raw`[\p{L}\p{N}\p{M}_]`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A whole-word, case-insensitive matcher for any of `terms`. */
export function termMatcher(terms: readonly string[]): RegExp {
  const alternatives = terms
    .map((term) => term.trim().normalize('NFC'))
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  return new RegExp(`(?<!${WORD})(?:${alternatives.join('|')})(?!${WORD})`, 'iu');
}

/**
 * Picks the listened items: inside the window, of the counted kinds, each (platform, id) once.
 *
 * @throws ValidationError for an invalid window
 */
export function selectListened<T extends ListenedItem>(items: readonly T[], options: ListenedOptions): T[] {
  checkWindow(options, 'listened items options');
  const since = options.since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const until = options.until?.getTime() ?? Number.POSITIVE_INFINITY;
  const windowed = options.since !== undefined || options.until !== undefined;
  const kinds = new Set(options.kinds ?? LISTENED_KINDS);
  const seen = new Set<string>();
  return items.filter((item) => {
    if (item.kind !== undefined && !kinds.has(item.kind)) return false;
    if (windowed) {
      const at = isValidDate(item.createdAt) ? item.createdAt.getTime() : Number.NaN;
      if (!(at >= since && at < until)) return false;
    }
    if (item.id === undefined) return true;
    const key = `${item.platform ?? ''}\u0000${item.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function checkBrands(brands: readonly BrandTerms[]): void {
  const problems: ValidationProblem[] = [];
  const names = new Set<string>();
  brands.forEach((brand, i) => {
    if (typeof brand.brand !== 'string' || brand.brand.trim() === '') {
      problems.push({ path: ['brands', i, 'brand'], rule: 'sov.brand', message: 'must be a non-empty name' });
    } else if (names.has(brand.brand)) {
      problems.push({ path: ['brands', i, 'brand'], rule: 'sov.brand', message: 'is given twice' });
    }
    names.add(brand.brand);
    if (!Array.isArray(brand.terms) || brand.terms.length === 0) {
      problems.push({
        path: ['brands', i, 'terms'],
        rule: 'sov.terms',
        message: 'must list at least one term',
      });
      return;
    }
    brand.terms.forEach((term, j) => {
      if (typeof term !== 'string' || term.trim() === '') {
        problems.push({
          path: ['brands', i, 'terms', j],
          rule: 'sov.terms',
          message: 'must be a non-empty term',
        });
      }
    });
  });
  if (problems.length > 0) throw new ValidationError(problems, 'share of voice brands');
}

/**
 * Share of voice: how much of the talk about a set of brands is about each, in listened posts
 * (the inbox's mentions and comments, or posts from a listening search).
 *
 * - A brand is mentioned by an item when one of its terms appears in the item's text as a whole
 *   word, ignoring case: not preceded or followed by a letter, digit or `_` (`Rival` matches
 *   "rival's", "#rival" and "@rival", not "rivalry"). Texts and terms are compared in Unicode NFC.
 * - mentions(b) = items mentioning b; an item naming b twice counts once, an item naming two
 *   brands counts once for each.
 * - SOV(b) = mentions(b) ÷ Σ mentions over every brand given; `null` when no brand is mentioned.
 *
 * @param items - listened items (core `Engagement`s fit)
 * @param brands - the brands compared, with their terms
 * @param options - window and kinds, see {@link ListenedOptions}
 * @throws ValidationError for a blank or repeated brand, a brand without terms, a blank term, or
 *   an invalid window
 *
 * @example
 * ```ts
 * const sov = shareOfVoice(analytics.engagements(), [
 *   { brand: 'Bean Bros', terms: ['Bean Bros', '@beanbros', '#beanbros'], own: true },
 *   { brand: 'Rival Coffee', terms: ['Rival Coffee', '@rivalcoffee'] },
 * ], { since, until });
 * sov.brands[0]?.share; // e.g. 0.6
 * ```
 */
export function shareOfVoice(
  items: readonly ListenedItem[],
  brands: readonly BrandTerms[],
  options: ListenedOptions = {},
): ShareOfVoice {
  checkBrands(brands);
  const listened = selectListened(items, options);
  const matchers = brands.map((brand) => termMatcher(brand.terms));
  const mentions = brands.map(() => 0);
  for (const item of listened) {
    const text = item.text.normalize('NFC');
    matchers.forEach((matcher, i) => {
      if (matcher.test(text)) mentions[i] = (mentions[i] ?? 0) + 1;
    });
  }
  const total = mentions.reduce((sum, count) => sum + count, 0);
  return {
    items: listened.length,
    totalMentions: total,
    brands: brands.map((brand, i) => ({
      brand: brand.brand,
      own: brand.own === true,
      mentions: mentions[i] ?? 0,
      share: total === 0 ? null : (mentions[i] ?? 0) / total,
    })),
  };
}
