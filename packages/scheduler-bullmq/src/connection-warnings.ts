import type { EventEmitter } from 'node:events';
import { TransientError } from '@smmkit/core';
import { errorKind } from './error-kind.js';
import { redisFailure } from './redis-failure.js';

/** The warning code of a BullMQ queue's or worker's error that nobody else listens for. */
export const CONNECTION_WARNING = 'SMMKIT_BULLMQ_ERROR';

/** A BullMQ queue or worker (or an ioredis client): its `error` event, and its backend's `ready` (connected again). */
export interface BullmqErrorSource extends Pick<EventEmitter, 'listenerCount'> {
  /** Listens for the errors of its connections (and of its jobs' locks, for a worker). */
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Its backend, which says when its connections are ready again. */
  getBackend(): { on(event: 'ready', listener: () => void): unknown };
}

/**
 * Reports the errors of a BullMQ queue or worker as process warnings, each kind once until its
 * connection is ready again, unless the app listens for its `error` event itself.
 *
 * With no `error` listener BullMQ prints every error with its stack to `console.error`, and while
 * Redis is away its ioredis clients raise one on every reconnection attempt (about once a second
 * each, a worker having two), for as long as the outage lasts. This listener keeps BullMQ from
 * printing and says once what happened, naming the queue or worker and the error code
 * of the first failure (`ECONNREFUSED`, …): a warning with code {@link CONNECTION_WARNING}, its
 * `detail` what to do. An error of another kind (not Redis being unreachable or refusing for now:
 * another message) is reported too, once; the count starts over when the connection is ready again. Only the error's name and
 * code (a Redis reply's first word) are printed, never the stack, the reply's text (Redis quotes a
 * command's arguments there) or the command's arguments.
 *
 * @param source - the queue or worker
 * @param what - what it is, after "The Redis": `BullMQ wake-up worker (queue "smmkit-wakeups")`
 */
export function warnOncePerOutage(source: BullmqErrorSource, what: string): void {
  const reported = new Set<string>();
  source.getBackend().on('ready', () => reported.clear());
  source.on('error', (error: Error) => {
    // The app's own listener sees every error: it decides what to print.
    if (source.listenerCount('error') > 1) return;
    const failure = redisFailure(error, { store: what, operation: 'keep its connection' });
    // Redis unreachable (or refusing for now) is one kind, whatever the code: an outage may start
    // with EPIPE or ECONNRESET and go on with ECONNREFUSED. Any other error is a kind by its name
    // and code, never its message: Redis's reply text can quote a command's arguments (an
    // unknown AUTH quotes the password).
    const kind = TransientError.isInstance(failure) ? 'unreachable' : errorKind(error);
    if (reported.has(kind)) return;
    reported.add(kind);
    const described = TransientError.isInstance(failure)
      ? { message: `${failure.message} the client keeps reconnecting;`, hint: failure.hint }
      : { message: `The Redis ${what} failed (${kind}).`, hint: undefined };
    process.emitWarning(
      `smmkit: ${described.message} this is reported once until it is connected again (listen for its 'error' event to see every error).`,
      { code: CONNECTION_WARNING, ...(described.hint === undefined ? {} : { detail: described.hint }) },
    );
  });
}
