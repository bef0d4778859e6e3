import { Collection, type Identified } from '@smmkit/testkit';

/**
 * The number a URN ends with (`urn:li:share:12` → 12n, `urn:li:comment:(urn:li:share:12,34)` → 34n),
 * or the id itself when it is a plain number: the simulator hands out every number from one
 * increasing generator, so this orders LinkedIn entities by creation.
 */
function sequenceOf(id: string): bigint | undefined {
  const digits = /(\d+)\)?$/.exec(id)?.[1];
  return digits === undefined ? undefined : BigInt(digits);
}

/**
 * Orders ids that are URNs or numbers by the number they end with, then as text.
 *
 * @param a - one id
 * @param b - another
 * @returns negative, zero or positive, as for `Array.prototype.sort`
 */
export function compareUrns(a: string, b: string): number {
  const left = sequenceOf(a);
  const right = sequenceOf(b);
  if (left !== undefined && right !== undefined && left !== right) return left < right ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * testkit's `Collection` for LinkedIn's ids: every LinkedIn entity is named by a URN
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/urns), and the
 * simulator keys its tables by those URNs, as adapters and the conformance suite look them up.
 * testkit's own `Collection` orders ids as numbers, which a URN is not; this one orders them by
 * the number they end with ({@link compareUrns}). It replaces every method, keeping its own map.
 *
 * @typeParam T - the stored item
 */
export class UrnCollection<T extends Identified> extends Collection<T> {
  readonly #byId = new Map<string, T>();

  /** Adds or replaces an item. */
  override put(item: T): T {
    this.#byId.set(item.id, item);
    return item;
  }

  /** The item with `id`, if present. */
  override get(id: string): T | undefined {
    return this.#byId.get(id);
  }

  /** Removes an item; true when it was there. */
  override delete(id: string): boolean {
    return this.#byId.delete(id);
  }

  /** Items matching `predicate`, oldest first. */
  override filter(predicate: (item: T) => boolean = () => true): T[] {
    return [...this.#byId.values()].filter(predicate).sort((a, b) => compareUrns(a.id, b.id));
  }

  /** Number of items. */
  override get size(): number {
    return this.#byId.size;
  }

  /** Removes everything. */
  override clear(): void {
    this.#byId.clear();
  }
}
