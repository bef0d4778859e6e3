import { type ScheduleEntry, ValidationError } from '@smmkit/core';
import {
  applyEntryPatch,
  outcomeOfResults,
  type TargetClaim,
  type TargetClaimRequest,
  type TargetClaimStore,
  type TargetRefusal,
  type TargetResult,
  targetKey,
} from '@smmkit/core/scheduler';
import type { Redis } from 'ioredis';
import { setAsideDamaged } from './damaged-entry.js';
import { FIELD, packTargetKeys, tryDecodeEntry } from './entry-hash.js';
import type { LuaReply } from './lua-script.js';
import type { ScheduleKeys } from './schedule-keys.js';
import { CLAIM_TARGET, RENEW_TARGET, SETTLE_TARGET, TARGETS_HOLDER } from './target-scripts.js';

/** What the target claims need of the store: a version-checked rewrite of one entry. */
export type RewriteEntry = (
  id: string,
  decide: (current: ScheduleEntry, leaseHolder: string | undefined) => ScheduleEntry | undefined,
) => Promise<ScheduleEntry | undefined>;

const REFUSALS: ReadonlySet<string> = new Set(['missing', 'stale', 'early', 'waiting', 'leased', 'settled']);

/**
 * The per-target claims of the Redis schedule store (`TargetClaimStore`): each claim, renewal
 * and settlement is one Lua script on the entry's hash and its targets hash
 * (`targets:<id>`, per target its holder, lease end and result), so workers on many machines
 * never claim one target twice. The settlement that writes the last result returns every
 * result, and the entry's final state is then written like a whole-entry completion (a
 * version-checked rewrite that also drops the targets hash). A worker that dies between the two
 * leaves the entry held for its targets until that lease runs out; `claimDue` then recovers it
 * whole, and the outbox answers every target from its record.
 *
 * @param redis - the connection
 * @param keys - the store's key layout
 * @param rewrite - the store's version-checked rewrite of one entry
 * @returns the three target claim operations
 */
export function redisTargetClaims(
  redis: Redis,
  keys: ScheduleKeys,
  rewrite: RewriteEntry,
): Pick<TargetClaimStore, 'claimTarget' | 'renewTargetLease' | 'settleTarget'> {
  /**
   * Sets entry `id` aside as failed: its target is then settled (also when the entry ended
   * already); the damage is thrown while another worker holds the entry.
   */
  const setAside = async (id: string, worker: string, at: number, damage: ValidationError) => {
    if (!(await setAsideDamaged(redis, keys, id, worker, at, damage))) throw damage;
    return { refused: 'settled' } as const;
  };

  /**
   * The claim script could not read the entry's target keys (nothing was claimed). Reads the
   * entry here: one that cannot be read is set aside; one that can (an entry stored before its
   * target keys were kept beside its JSON, whose JSON Lua's cjson refuses: text with a lone
   * UTF-16 surrogate) gets its target keys written, and answers `'retry'`.
   */
  const unreadable = async (id: string, worker: string, at: number): Promise<TargetClaim | 'retry'> => {
    const hash = await redis.hgetall(keys.entry(id));
    if (hash[FIELD.version] === undefined) return { refused: 'missing' };
    const read = tryDecodeEntry(hash);
    if ('damage' in read) return setAside(id, worker, at, read.damage);
    // Tied to this body by its SHA-1: a rewrite that came between makes the script ignore it.
    const packed = packTargetKeys(hash[FIELD.body] ?? '', read.entry.targets);
    await redis.hset(keys.entry(id), FIELD.targetKeys, packed);
    return 'retry';
  };

  /** One claim script run: the claim, or its refusal. */
  const claim = async (request: TargetClaimRequest, retried: boolean): Promise<TargetClaim> => {
    const { entryId, publishAt, target, now, worker, leaseMs } = request;
    const at = now.getTime();
    const leaseUntil = at + leaseMs;
    const key = targetKey(target);
    const reply = await CLAIM_TARGET.run(
      redis,
      [keys.entry(entryId), keys.targets(entryId), keys.status('scheduled'), keys.status('publishing')],
      [entryId, publishAt.getTime(), key, at, worker, leaseUntil],
    );
    const [answer, ...rest] = Array.isArray(reply) ? reply : [];
    if (answer === 'damaged') {
      if (retried) throw unreadableTargets(entryId);
      const next = await unreadable(entryId, worker, at);
      return next === 'retry' ? claim(request, true) : next;
    }
    if (answer !== 'claimed') return refusal(answer, rest[0]);
    const [first, recovered, body, attempts] = rest;
    const read = tryDecodeEntry({
      [FIELD.body]: String(body),
      [FIELD.status]: 'publishing',
      [FIELD.attempts]: String(attempts),
      [FIELD.updatedAt]: String(at),
    });
    if ('damage' in read) return setAside(entryId, worker, at, read.damage);
    const { entry } = read;
    const listed = entry.targets.find((candidate) => targetKey(candidate) === key) ?? target;
    return {
      claimed: {
        entry,
        target: listed,
        leaseUntil: new Date(leaseUntil),
        first: Number(first) === 1,
        recovered: Number(recovered) === 1,
      },
    };
  };

  return {
    claimTarget: (request) => claim(request, false),
    renewTargetLease: async (entryId, target, worker, until) =>
      (await RENEW_TARGET.run(
        redis,
        [keys.entry(entryId), keys.targets(entryId)],
        [targetKey(target), worker, until.getTime()],
      )) === 1,
    settleTarget: async ({ entryId, target, worker, result, at, leaseMs }) => {
      const reply = await SETTLE_TARGET.run(
        redis,
        [keys.entry(entryId), keys.targets(entryId)],
        [targetKey(target), worker, JSON.stringify(result), at.getTime() + leaseMs],
      );
      if (!Array.isArray(reply)) return { kept: reply === 1 };
      const outcome = outcomeOfResults(reply.map((json) => JSON.parse(String(json)) as TargetResult));
      const patch = { status: outcome.status, results: outcome.results, error: outcome.error };
      const finished = await rewrite(entryId, (current, holder) =>
        holder === TARGETS_HOLDER && current.status === 'publishing'
          ? applyEntryPatch(current, patch, at)
          : undefined,
      );
      return finished === undefined ? { kept: true } : { kept: true, finished };
    },
  };
}

/** A refusal from the claim script's answer. */
function refusal(answer: LuaReply | undefined, until: LuaReply | undefined): TargetClaim {
  const refused = (REFUSALS.has(String(answer)) ? String(answer) : 'missing') as TargetRefusal;
  return refused === 'leased' ? { refused, leaseUntil: new Date(Number(until)) } : { refused };
}

/**
 * The error of an entry whose targets the claim script still cannot read after their keys were
 * written beside its JSON (it changed meanwhile).
 */
function unreadableTargets(id: string): ValidationError {
  return new ValidationError(
    [
      {
        path: ['targets'],
        rule: 'schedule.stored_json',
        message: 'cannot be read by the per-target claim script',
      },
    ],
    `stored schedule entry "${id.slice(0, 80)}"`,
    { hint: 'Try again: the entry changed while it was read; nothing was claimed.' },
  );
}
