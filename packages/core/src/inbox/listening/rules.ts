import type { EngagementKind } from '../../models/engagement.js';
import type { InboxItem } from '../inbox-item.js';

/** Which items a rule looks at; every given field narrows them. */
export interface RuleScope {
  /** Items on these platforms. */
  readonly platforms?: readonly string[] | undefined;
  /** Items of these accounts. */
  readonly accounts?:
    | readonly {
        /** Platform id. */
        readonly platform: string;
        /** The account's id on the platform. */
        readonly accountId: string;
      }[]
    | undefined;
  /** Items of these kinds. */
  readonly kinds?: readonly EngagementKind[] | undefined;
}

/**
 * Alerts on words and phrases: an item matches when it contains any of `anyOf`, every one of
 * `allOf` and none of `noneOf`. A term is a word (`refund`), a phrase (`charged twice`) or a
 * prefix (`cancel*`), matched whole-word, ignoring case and width.
 *
 * @example
 * ```ts
 * const billing: KeywordRule = { type: 'keyword', name: 'billing', anyOf: ['refund*', 'charged twice'], noneOf: ['thanks'] };
 * ```
 */
export interface KeywordRule {
  /** Discriminant. */
  readonly type: 'keyword';
  /** The rule's name, carried by its alerts. */
  readonly name: string;
  /** At least one of these must occur. */
  readonly anyOf: readonly string[];
  /** Every one of these must occur too. */
  readonly allOf?: readonly string[] | undefined;
  /** None of these may occur (negation: `refund` but not `refund policy`). */
  readonly noneOf?: readonly string[] | undefined;
  /** Which items it looks at (default all). */
  readonly scope?: RuleScope | undefined;
}

/**
 * Alerts on items whose sentiment score is at or below `atMost` (default −4: strongly negative
 * on the AFINN scale, "hate", "worst", "furious").
 *
 * @example
 * ```ts
 * const angry: SentimentRule = { type: 'sentiment', name: 'angry', atMost: -4 };
 * ```
 */
export interface SentimentRule {
  /** Discriminant. */
  readonly type: 'sentiment';
  /** The rule's name, carried by its alerts. */
  readonly name: string;
  /** The highest score that alerts (default −4). */
  readonly atMost?: number | undefined;
  /** Which items it looks at (default all). */
  readonly scope?: RuleScope | undefined;
}

/**
 * Alerts when an account's negative items spike: within the `windowMs` before a negative item's
 * `createdAt`, the account has at least `minCount` negative items and at least `factor` times its
 * own baseline, the mean count per window over the `baselineMs` before that window. An item is
 * negative when its sentiment score is at or below `negativeAt`. After an alert, the account
 * gets the next one only once a whole window has passed. Only spikes under way alert (a window
 * ending within one window of now): a backlog read for the first time builds the baseline.
 *
 * @example
 * ```ts
 * const crisis: SpikeRule = { type: 'spike', name: 'crisis', windowMs: 3_600_000, factor: 3, minCount: 5 };
 * ```
 */
export interface SpikeRule {
  /** Discriminant. */
  readonly type: 'spike';
  /** The rule's name, carried by its alerts. */
  readonly name: string;
  /** The rolling window, in ms (default one hour). */
  readonly windowMs?: number | undefined;
  /** How far back the baseline reaches before the window, in ms (default seven days). */
  readonly baselineMs?: number | undefined;
  /** How many times the baseline the window must hold (default 3). */
  readonly factor?: number | undefined;
  /** The fewest negative items in the window that alert (default 5). */
  readonly minCount?: number | undefined;
  /** The highest sentiment score that counts as negative (default −2: "scam", "disappointed"). */
  readonly negativeAt?: number | undefined;
  /** Which items it looks at (default all). */
  readonly scope?: RuleScope | undefined;
}

/** A listening rule: words and phrases, sentiment, or a spike of negative items. */
export type ListeningRule = KeywordRule | SentimentRule | SpikeRule;

/** An alert of a {@link KeywordRule}. */
export interface KeywordAlert {
  /** Discriminant. */
  readonly type: 'keyword';
  /** The rule's name. */
  readonly rule: string;
  /** The items that matched, among those that just arrived. */
  readonly engagements: readonly InboxItem[];
}

/** An alert of a {@link SentimentRule}. */
export interface SentimentAlert {
  /** Discriminant. */
  readonly type: 'sentiment';
  /** The rule's name. */
  readonly rule: string;
  /** The items at or below the threshold, among those that just arrived. */
  readonly engagements: readonly InboxItem[];
  /** Each item's score, in the same order. */
  readonly scores: readonly number[];
}

/** An alert of a {@link SpikeRule}. */
export interface SpikeAlert {
  /** Discriminant. */
  readonly type: 'spike';
  /** The rule's name. */
  readonly rule: string;
  /** The account whose negative items spiked. */
  readonly account: {
    /** Platform id. */
    readonly platform: string;
    /** The account's id on the platform. */
    readonly accountId: string;
  };
  /** The end of the window: the `createdAt` of the item that tipped it. */
  readonly at: Date;
  /** The window, in ms. */
  readonly windowMs: number;
  /** Negative items in the window. */
  readonly count: number;
  /** The account's mean negative items per window over its baseline. */
  readonly baseline: number;
  /** The negative items in the window, oldest first: the ones that caused the alert. */
  readonly engagements: readonly InboxItem[];
}

/** What the inbox's `alert` event carries. */
export type InboxAlert = KeywordAlert | SentimentAlert | SpikeAlert;

/**
 * Whether `item` is one a rule's scope covers.
 *
 * @param item - the item
 * @param scope - the rule's scope (all items when absent)
 * @returns true when every given field matches
 */
export function inScope(item: InboxItem, scope: RuleScope | undefined): boolean {
  if (scope === undefined) return true;
  if (scope.platforms !== undefined && !scope.platforms.includes(item.platform)) return false;
  if (scope.kinds !== undefined && !scope.kinds.includes(item.kind)) return false;
  return (
    scope.accounts === undefined ||
    scope.accounts.some(
      (account) => account.platform === item.platform && account.accountId === item.accountId,
    )
  );
}
