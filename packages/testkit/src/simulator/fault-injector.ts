import { seededRandom } from './seeded-random.js';

/**
 * The failures a simulator can inject:
 * - `rate_limit`: a 429 in the platform's own shape, with reset headers;
 * - `server_error`: a 5xx in the platform's own shape; nothing is stored;
 * - `network_error`: the connection drops before the request reaches the platform;
 * - `accepted_then_lost`: the platform handles the request (a post is stored) and then the
 *   connection drops, so the client never sees the answer;
 * - `accepted_then_server_error`: the platform handles the request (a post is stored) and then
 *   answers its 5xx, as when a proxy or a later step fails after the write: the client sees a
 *   failure although the post exists;
 * - `accepted_then_timeout`: the platform handles the request and the answer never comes;
 * - `malformed_body`: the platform handles the request and answers with unreadable JSON;
 * - `expired_token`, `revoked_token`: the platform rejects the token as the platform does.
 */
export type FaultKind =
  | 'rate_limit'
  | 'server_error'
  | 'network_error'
  | 'accepted_then_lost'
  | 'accepted_then_server_error'
  | 'accepted_then_timeout'
  | 'malformed_body'
  | 'expired_token'
  | 'revoked_token';

/** Every fault kind. */
export const FAULT_KINDS: readonly FaultKind[] = [
  'rate_limit',
  'server_error',
  'network_error',
  'accepted_then_lost',
  'accepted_then_server_error',
  'accepted_then_timeout',
  'malformed_body',
  'expired_token',
  'revoked_token',
];

/** A fault planned for the next matching request(s). */
export interface ScriptedFault {
  /** What goes wrong. */
  readonly kind: FaultKind;
  /** Which route it hits, as `METHOD /path/pattern` exactly as the route was declared; any route when absent. */
  readonly route?: string | undefined;
  /** How many matching requests it hits (default 1). */
  readonly times?: number | undefined;
  /**
   * How many matching requests it lets through first (default 0): `skip: 1` hits the second
   * create. A request an earlier scripted fault hits never reaches it, so is not counted.
   */
  readonly skip?: number | undefined;
}

/** Faults drawn at random, reproducibly. */
export interface RandomFaults {
  /** Chance that a request gets a fault, 0 to 1. */
  readonly probability: number;
  /** The kinds to draw from, equally likely (default: all). */
  readonly kinds?: readonly FaultKind[] | undefined;
  /** Routes that may be hit (default: all). */
  readonly routes?: readonly string[] | undefined;
  /** Seed of the random sequence, so a failing run can be replayed. */
  readonly seed?: number | undefined;
}

/** A scripted fault as the injector keeps it: requests still to skip, hits still to make. */
interface PlannedFault {
  readonly kind: FaultKind;
  readonly route: string | undefined;
  skip: number;
  left: number;
}

/**
 * Decides, request by request, whether a simulated platform misbehaves: scripted faults first
 * ("the next create gets a 503"), then random ones. Counts what it injected.
 */
export class FaultInjector {
  readonly #scripted: PlannedFault[] = [];
  #random: (RandomFaults & { readonly next: () => number }) | undefined;
  readonly #injected = new Map<FaultKind, number>();

  /**
   * Plans a fault for the next matching request(s).
   *
   * @example
   * ```ts
   * sim.faults.inject({ kind: 'accepted_then_lost', route: 'POST /api/v1/statuses' });
   * ```
   */
  inject(fault: ScriptedFault): void {
    this.#scripted.push({
      kind: fault.kind,
      route: fault.route,
      skip: fault.skip ?? 0,
      left: fault.times ?? 1,
    });
  }

  /** Turns random faults on (or off with `undefined`). */
  setRandom(random: RandomFaults | undefined): void {
    this.#random = random === undefined ? undefined : { ...random, next: seededRandom(random.seed ?? 1) };
  }

  /**
   * The fault for a request to `route`, if any; called once per request by the simulator.
   * The request goes through the scripted faults in the order they were injected: a matching one
   * still skipping lets it through (and counts it), and the first matching one with nothing left
   * to skip hits it (the faults after that one never see it). Random faults apply only when no
   * scripted fault does.
   */
  draw(route: string): FaultKind | undefined {
    let hit: PlannedFault | undefined;
    for (const fault of this.#scripted) {
      if (fault.route !== undefined && fault.route !== route) continue;
      if (fault.skip === 0) {
        hit = fault;
        break;
      }
      fault.skip -= 1;
    }
    if (hit !== undefined) {
      hit.left -= 1;
      if (hit.left <= 0) this.#scripted.splice(this.#scripted.indexOf(hit), 1);
      return this.#count(hit.kind);
    }
    const random = this.#random;
    if (random === undefined || (random.routes !== undefined && !random.routes.includes(route)))
      return undefined;
    if (random.next() >= random.probability) return undefined;
    const kinds = random.kinds ?? FAULT_KINDS;
    const kind = kinds[Math.floor(random.next() * kinds.length)];
    return kind === undefined ? undefined : this.#count(kind);
  }

  /** How many faults of each kind were injected so far. */
  get injected(): ReadonlyMap<FaultKind, number> {
    return this.#injected;
  }

  /** Total faults injected so far. */
  get injectedTotal(): number {
    let total = 0;
    for (const count of this.#injected.values()) total += count;
    return total;
  }

  /** Drops planned faults, turns random faults off and zeroes the counts. */
  reset(): void {
    this.#scripted.length = 0;
    this.#random = undefined;
    this.#injected.clear();
  }

  #count(kind: FaultKind): FaultKind {
    this.#injected.set(kind, (this.#injected.get(kind) ?? 0) + 1);
    return kind;
  }
}
