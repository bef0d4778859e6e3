import { AmbiguousOutcomeError, ValidationError } from '@smmkit/core';
import type { ToolOutput } from './tool-result.js';

/** One reply the server sent (or is sending) under a key. */
interface LedgerEntry {
  /** The call's input, to tell a retry from a new reply under a used key. */
  readonly input: string;
  /** The first call's answer, shared by its retries. */
  readonly result: Promise<ToolOutput>;
  /** False while the reply is being sent: such a key is never dropped to make room. */
  settled: boolean;
}

/**
 * Most keys the ledger remembers; the oldest whose reply has settled go first, and a key whose
 * reply is still being sent is kept beyond it.
 */
const LEDGER_SIZE = 1_000;

/**
 * The replies this server sent, by idempotency key: a retry of `inbox_reply` with the same key
 * (a client that timed out and called again) gets the first call's answer, shared while it is
 * still running, instead of a second public reply. The ledger lives in the server process only
 * (the app's store offers the MCP server no place to keep keys): a retry after the server
 * restarted, or once the key was dropped as one of the oldest of more than {@link LEDGER_SIZE},
 * sends the reply again. A reply the platform refused (nothing sent) may be retried under its
 * key, one whose outcome is unknown may not.
 */
export class ReplyLedger {
  readonly #entries = new Map<string, LedgerEntry>();

  /**
   * Runs `send` once per key.
   *
   * @param key - the call's idempotency key
   * @param input - the call's other input, as one string
   * @param send - sends the reply
   * @returns the first call's answer; a retry's text says nothing was sent again
   * @throws ValidationError (`mcp.idempotency_key_reused`) when the key was used for another reply
   */
  run(key: string, input: string, send: () => Promise<ToolOutput>): Promise<ToolOutput> {
    const earlier = this.#entries.get(key);
    if (earlier !== undefined) {
      if (earlier.input !== input) {
        throw new ValidationError(
          [
            {
              path: ['idempotencyKey'],
              rule: 'mcp.idempotency_key_reused',
              message: 'this idempotencyKey was used for another reply',
            },
          ],
          'request',
          {
            hint: 'Give each new reply a new idempotencyKey; reuse a key only to retry the same reply. Nothing was sent.',
          },
        );
      }
      return earlier.result.then((output) => ({
        ...output,
        text: `Already answered under this idempotencyKey; nothing was sent again. ${output.text}`,
      }));
    }
    const result = send();
    const entry: LedgerEntry = { input, result, settled: false };
    this.#entries.set(key, entry);
    result.then(
      () => {
        entry.settled = true;
      },
      (error: unknown) => {
        entry.settled = true;
        // A refusal sent nothing: the same key may try again. An unknown outcome stays.
        if (!AmbiguousOutcomeError.isInstance(error) && this.#entries.get(key) === entry) {
          this.#entries.delete(key);
        }
      },
    );
    this.#dropOldestSettled();
    return result;
  }

  /** Drops the oldest settled keys beyond {@link LEDGER_SIZE}; a reply still being sent stays. */
  #dropOldestSettled(): void {
    let excess = this.#entries.size - LEDGER_SIZE;
    for (const [key, entry] of this.#entries) {
      if (excess <= 0) return;
      if (entry.settled) {
        this.#entries.delete(key);
        excess--;
      }
    }
  }
}
