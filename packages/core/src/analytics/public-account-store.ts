import type { PublicAccount } from '../models/public-account.js';
import { SampleStore } from './sample-store.js';

function keyOf(platform: string, accountId: string): string {
  return `${platform}\u0000${accountId}`;
}

/**
 * The other accounts the aggregator tracks (competitors, influencers), kept apart from the app's
 * own so they never count in its rollups, KPIs or reports of its own posts.
 *
 * Each snapshot's samples go into a {@link SampleStore} of their own (latest value per post and
 * metric; followers kept as a history, one point per `observedAt`), and each recent post's
 * `createdAt` becomes its publication time there, so the same code reads own and tracked
 * accounts. The snapshots themselves are kept too, one per account and `observedAt`.
 */
export class PublicAccountStore {
  /** The tracked accounts' samples, with their posts' publication times as metadata. */
  readonly samples = new SampleStore();
  /** Snapshots per account key, oldest first. */
  private readonly byAccount = new Map<string, PublicAccount[]>();
  private readonly byHandle = new Map<string, string>();
  private readonly indexes = new Map<string, number>();
  private list: readonly PublicAccount[] | undefined;

  /** Adds a snapshot; one of the same account and `observedAt` is replaced. */
  put(snapshot: PublicAccount): void {
    const { platform, accountId } = snapshot;
    // Interned first, so an account is known even when its snapshot carries no samples.
    this.indexes.set(keyOf(platform, accountId), this.samples.account(platform, accountId));
    this.samples.ingest(snapshot.samples);
    for (const post of snapshot.posts) {
      this.samples.putMeta({
        platform,
        accountId,
        platformPostId: post.platformPostId,
        publishedAt: post.createdAt,
      });
    }
    const key = keyOf(platform, accountId);
    const snapshots = this.byAccount.get(key) ?? [];
    const at = snapshot.observedAt.getTime();
    const same = snapshots.findIndex((kept) => kept.observedAt.getTime() === at);
    if (same >= 0) snapshots[same] = snapshot;
    else {
      snapshots.push(snapshot);
      snapshots.sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime());
    }
    this.byAccount.set(key, snapshots);
    this.byHandle.set(`${platform}\u0000${snapshot.handle.toLowerCase()}`, accountId);
    this.list = undefined;
  }

  /** Every snapshot: account by account in the order first seen, each account's oldest first; frozen. */
  snapshots(): readonly PublicAccount[] {
    this.list ??= Object.freeze([...this.byAccount.values()].flat());
    return this.list;
  }

  /** The latest snapshot of an account, when there is one. */
  latest(platform: string, accountId: string): PublicAccount | undefined {
    return this.byAccount.get(keyOf(platform, accountId))?.at(-1);
  }

  /** The index of an account in {@link samples}, or -1 when no snapshot of it was given. */
  indexOf(platform: string, accountId: string): number {
    return this.indexes.get(keyOf(platform, accountId)) ?? -1;
  }

  /** The account id of a handle (case-insensitive, without `@`), when a snapshot had it. */
  accountOfHandle(platform: string, handle: string): string | undefined {
    return this.byHandle.get(`${platform}\u0000${handle.replace(/^@/, '').toLowerCase()}`);
  }
}
