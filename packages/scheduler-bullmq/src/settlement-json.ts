import { ValidationError } from '@smmkit/core';
import type { OutboxSettlement } from '@smmkit/core/scheduler';

const STATUSES: ReadonlySet<string> = new Set(['published', 'failed', 'unknown']);

/** The settlement's instants, which JSON keeps as ISO strings. */
const INSTANTS = ['publishedAt', 'scheduledFor', 'settledAt'] as const;

/**
 * A settlement as JSON (instants as ISO strings), read back before it is written so that a
 * record that could not be read later is never kept.
 *
 * @param settlement - how a create ended
 * @returns the JSON text
 * @throws ValidationError when the settlement would not read back (an invalid date, an unknown status)
 */
export function settlementToJson(settlement: OutboxSettlement): string {
  const json = JSON.stringify(settlement);
  settlementFromJson(json);
  return json;
}

/**
 * A settlement from its JSON, its instants back to `Date`.
 *
 * @param json - what {@link settlementToJson} wrote
 * @returns the settlement
 * @throws ValidationError when the text holds no valid settlement (edited by hand or damaged)
 */
export function settlementFromJson(json: string): OutboxSettlement {
  const value: unknown = JSON.parse(json);
  if (
    typeof value !== 'object' ||
    value === null ||
    !STATUSES.has(String((value as { status?: unknown }).status))
  ) {
    throw damaged(['status'], 'must be published, failed or unknown');
  }
  const settlement: Record<string, unknown> = { ...value };
  for (const field of INSTANTS) {
    const text = settlement[field];
    if (text === undefined && field !== 'settledAt') continue;
    const instant = typeof text === 'string' ? new Date(text) : undefined;
    if (instant === undefined || Number.isNaN(instant.getTime()))
      throw damaged([field], 'must be an ISO instant');
    settlement[field] = instant;
  }
  return settlement as unknown as OutboxSettlement;
}

function damaged(path: readonly string[], message: string): ValidationError {
  return new ValidationError([{ path, rule: 'outbox.settlement', message }], 'outbox settlement');
}
