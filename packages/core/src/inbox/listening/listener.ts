import { ValidationError, type ValidationProblem } from '../../errors/validation-error.js';
import type { InboxItem } from '../inbox-item.js';
import type { InboxStore } from '../inbox-store.js';
import {
  type InboxAlert,
  inScope,
  type KeywordAlert,
  type KeywordRule,
  type ListeningRule,
  type SentimentAlert,
  type SentimentRule,
} from './rules.js';
import type { SentimentScorer } from './sentiment.js';
import { SpikeWatch } from './spike.js';
import { matchableText, termOccurs } from './terms.js';

const HOUR_MS = 3_600_000;

/** The listening rules at work: give it each batch of new items, get the alerts back. */
export interface Listener {
  /**
   * Runs every rule over items that just arrived, each on its own: a rule that throws (a spike
   * rule whose store read failed) is given to the listener's `onRuleError`, and the other rules'
   * alerts are still returned. Never rejects.
   *
   * @returns the alerts, rule by rule in the order the rules were given
   */
  evaluate(items: readonly InboxItem[]): Promise<InboxAlert[]>;
}

/**
 * Checks the rules and makes a {@link Listener} for them.
 *
 * @param rules - the rules
 * @param score - the sentiment scorer
 * @param store - where spike rules read an account's earlier items
 * @param now - the clock's time, in epoch ms
 * @param onRuleError - told what a rule threw while evaluating a batch
 * @throws ValidationError listing every problem of the rules (empty `anyOf`, a bad number, a name used twice)
 */
export function createListener(
  rules: readonly ListeningRule[],
  score: SentimentScorer,
  store: InboxStore,
  now: () => number,
  onRuleError: (error: unknown) => void,
): Listener {
  const problems = rules.flatMap(ruleProblems);
  const names = rules.map((rule) => rule.name);
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index) {
      problems.push({ path: [index, 'name'], rule: 'rule.name', message: `"${name}" names two rules` });
    }
  });
  if (problems.length > 0) throw new ValidationError(problems, 'listening rules');

  const spikes = new Map(
    rules.flatMap((rule) =>
      rule.type === 'spike'
        ? [
            [
              rule,
              new SpikeWatch(
                {
                  name: rule.name,
                  windowMs: rule.windowMs ?? HOUR_MS,
                  baselineMs: rule.baselineMs ?? 7 * 24 * HOUR_MS,
                  factor: rule.factor ?? 3,
                  minCount: rule.minCount ?? 5,
                  negativeAt: rule.negativeAt ?? -2,
                  scope: rule.scope,
                },
                store,
                score,
                now,
              ),
            ] as const,
          ]
        : [],
    ),
  );

  return {
    async evaluate(items) {
      if (items.length === 0) return [];
      const scores = new Map<InboxItem, number>();
      const scoreOf = (item: InboxItem): number => {
        let known = scores.get(item);
        if (known === undefined) {
          known = score(item.text);
          scores.set(item, known);
        }
        return known;
      };
      const alerts: InboxAlert[] = [];
      for (const rule of rules) {
        try {
          if (rule.type === 'keyword') {
            const alert = keywordAlert(rule, items);
            if (alert !== undefined) alerts.push(alert);
          } else if (rule.type === 'sentiment') {
            const alert = sentimentAlert(rule, items, scoreOf);
            if (alert !== undefined) alerts.push(alert);
          } else {
            alerts.push(...((await spikes.get(rule)?.observe(items, onRuleError)) ?? []));
          }
        } catch (error) {
          onRuleError(error); // a scorer that threw, say: the other rules still run
        }
      }
      return alerts;
    },
  };
}

function keywordAlert(rule: KeywordRule, items: readonly InboxItem[]): KeywordAlert | undefined {
  const matched = items.filter((item) => {
    if (!inScope(item, rule.scope)) return false;
    const text = matchableText(item.text);
    return (
      rule.anyOf.some((term) => termOccurs(text, term)) &&
      (rule.allOf ?? []).every((term) => termOccurs(text, term)) &&
      !(rule.noneOf ?? []).some((term) => termOccurs(text, term))
    );
  });
  return matched.length === 0 ? undefined : { type: 'keyword', rule: rule.name, engagements: matched };
}

function sentimentAlert(
  rule: SentimentRule,
  items: readonly InboxItem[],
  scoreOf: (item: InboxItem) => number,
): SentimentAlert | undefined {
  const atMost = rule.atMost ?? -4;
  const matched = items.filter((item) => inScope(item, rule.scope) && scoreOf(item) <= atMost);
  if (matched.length === 0) return undefined;
  return { type: 'sentiment', rule: rule.name, engagements: matched, scores: matched.map(scoreOf) };
}

function ruleProblems(rule: ListeningRule, index: number): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const problem = (field: string, message: string): void => {
    problems.push({ path: [index, field], rule: `rule.${field}`, message });
  };
  if (typeof rule.name !== 'string' || rule.name.length === 0) problem('name', 'must be a non-empty string');
  if (rule.type === 'keyword') {
    if (rule.anyOf.length === 0) problem('anyOf', 'must list at least one word or phrase');
    for (const field of ['anyOf', 'allOf', 'noneOf'] as const) {
      if ((rule[field] ?? []).some((term) => !/[\p{L}\p{N}]/u.test(term))) {
        problem(field, 'every term must contain a letter or digit');
      }
    }
  } else if (rule.type === 'sentiment') {
    if (rule.atMost !== undefined && !Number.isFinite(rule.atMost))
      problem('atMost', 'must be a finite number');
  } else if (rule.type === 'spike') {
    for (const field of ['windowMs', 'baselineMs', 'factor', 'minCount'] as const) {
      const value = rule[field];
      if (value !== undefined && !(Number.isFinite(value) && value > 0))
        problem(field, 'must be a positive number');
    }
    if (rule.negativeAt !== undefined && !Number.isFinite(rule.negativeAt)) {
      problem('negativeAt', 'must be a finite number');
    }
  } else {
    problems.push({
      path: [index, 'type'],
      rule: 'rule.type',
      message: 'must be "keyword", "sentiment" or "spike"',
    });
  }
  return problems;
}
