import type { ValidationProblem } from '../errors/validation-error.js';
import type { Capabilities } from './capabilities.js';

/**
 * Contradictions inside capabilities that the schema alone cannot see: a lower bound above its
 * upper bound, a media set using a kind that has no rules or a format the adapter does not
 * publish, poll durations outside the poll's range.
 */
export function capabilityConsistencyProblems(capabilities: Capabilities): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const range = (path: (string | number)[], min: number | undefined, max: number | undefined): void => {
    if (min !== undefined && max !== undefined && min > max) {
      problems.push({
        path,
        rule: 'capabilities.range',
        message: `the minimum ${min} is above the maximum ${max}`,
        limit: max,
        actual: min,
      });
    }
  };
  const { media, polls, nativeScheduling } = capabilities;
  for (const [kind, rules] of Object.entries(media.kinds)) {
    if (rules === undefined) continue;
    range(['media', 'kinds', kind, 'durationSec'], rules.minDurationSec, rules.maxDurationSec);
    range(['media', 'kinds', kind, 'width'], rules.minWidth, rules.maxWidth);
    range(['media', 'kinds', kind, 'height'], rules.minHeight, rules.maxHeight);
    range(['media', 'kinds', kind, 'aspectRatio'], rules.minAspectRatio, rules.maxAspectRatio);
    range(['media', 'kinds', kind, 'fps'], rules.minFps, rules.maxFps);
  }
  media.sets.forEach((set, index) => {
    range(['media', 'sets', index], set.min, set.max);
    for (const kind of set.kinds) {
      if (media.kinds[kind] === undefined) {
        problems.push({
          path: ['media', 'sets', index, 'kinds'],
          rule: 'capabilities.unknown_kind',
          message: `the set allows ${kind}, but media.kinds has no rules for ${kind}`,
        });
      }
    }
    const format = set.format ?? 'feed';
    if (!capabilities.formats.includes(format)) {
      problems.push({
        path: ['media', 'sets', index, 'format'],
        rule: 'capabilities.unknown_format',
        message: `the set is for the ${format} format, which formats does not list`,
      });
    }
  });
  if (polls !== false) {
    range(['polls', 'options'], polls.minOptions, polls.maxOptions);
    range(['polls', 'durationMinutes'], polls.minDurationMinutes, polls.maxDurationMinutes);
    for (const minutes of polls.durationsMinutes ?? []) {
      if (minutes < polls.minDurationMinutes || minutes > polls.maxDurationMinutes) {
        problems.push({
          path: ['polls', 'durationsMinutes'],
          rule: 'capabilities.range',
          message: `${minutes} minutes is outside ${polls.minDurationMinutes}–${polls.maxDurationMinutes}`,
          actual: minutes,
        });
      }
    }
  }
  if (nativeScheduling !== false) {
    range(
      ['nativeScheduling', 'leadSeconds'],
      nativeScheduling.minLeadSeconds,
      nativeScheduling.maxLeadSeconds,
    );
  }
  return problems;
}
