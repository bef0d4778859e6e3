import { SmmkitError, TransientError } from '@smmkit/core';
import { withUnprintedCause } from './unprinted-cause.js';

/** Which call failed, in the words an error names it with. */
export interface RedisCall {
  /** The store, after "The Redis": `schedule store`. */
  readonly store: string;
  /** What it could not do, after "could not": `claim due entries`. */
  readonly operation: string;
}

/** A failure in words: what happened (for the message) and what to do (the hint). */
interface Described {
  readonly what: string;
  readonly hint: string;
}

const REACH =
  'Check that Redis is running and reachable from this process (its URL, network, password), then try again.';

/** The client gave up on a command because the connection is down. */
const UNREACHABLE: Described = {
  what: "Redis could not be reached, and the client's retries for the command ran out (maxRetriesPerRequest)",
  hint: REACH,
};
const OFFLINE: Described = {
  what: 'Redis is not connected, and the client does not queue commands meanwhile (enableOfflineQueue: false)',
  hint: REACH,
};
const CUT: Described = {
  what: 'the connection to Redis closed before Redis answered',
  hint: `${REACH} The command may have run before the connection closed.`,
};
const SLOW: Described = {
  what: 'Redis did not answer in time',
  hint: 'Check the load on Redis and the network, then try again; the command may still have run.',
};

/**
 * ioredis' own errors for a command it could not send or whose answer never came, by message or
 * class name (ioredis 6: `Redis.js`, `Command.js`, `errors/`). ASSUMED: ioredis documents the
 * options (https://github.com/redis/ioredis#auto-reconnect, "maxRetriesPerRequest",
 * "enableOfflineQueue") but not these messages; they are read from its source.
 */
const CLIENT_FAILURES: readonly [RegExp, Described][] = [
  [/^Reached the max retries per request limit/, UNREACHABLE],
  [/^Stream isn't writeable and enableOfflineQueue options is false$/, OFFLINE],
  [/^Command aborted due to connection close$/, CUT],
  [/^Command timed out$|^Socket timeout\. /, SLOW],
];
const CLIENT_FAILURE_NAMES: ReadonlyMap<string, Described> = new Map([
  ['MaxRetriesPerRequestError', UNREACHABLE],
  ['CommandTimeoutDuringMaintenanceError', SLOW],
  ['SocketTimeoutDuringMaintenanceError', SLOW],
]);

/** Node's codes for a socket that could not connect or broke (https://nodejs.org/api/errors.html#common-system-errors). */
const SOCKET_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * Redis's answers for a server that cannot serve the command now, by the error prefix (the first
 * word: https://redis.io/docs/latest/develop/reference/errors/). Each passes when the server's
 * state does. Prefixes that mean the command or the data is wrong (ERR, WRONGTYPE, NOPERM, …) are
 * left out: they are bugs or set-up mistakes, and retrying would hide them.
 */
const SERVER_FAILURES: ReadonlyMap<string, Described> = new Map([
  [
    'READONLY',
    {
      // https://redis.io/docs/latest/operate/oss_and_stack/management/replication/ (read-only replica)
      what: 'Redis refused the write: the server is a read-only replica (READONLY)',
      hint: 'Point the store at the primary (after a failover the old primary becomes a replica; a Sentinel-aware client follows the new one), then try again.',
    },
  ],
  [
    'OOM',
    {
      // https://redis.io/docs/latest/develop/reference/eviction/ (noeviction: writes fail over maxmemory)
      what: 'Redis is out of memory: its used memory is above maxmemory (OOM)',
      hint: 'Free memory in Redis or raise maxmemory (keep maxmemory-policy noeviction, see the scaling guide), then try again.',
    },
  ],
  [
    'LOADING',
    {
      what: 'Redis is still loading its data set into memory (LOADING)',
      hint: 'Try again in a moment: Redis answers once its data is loaded.',
    },
  ],
  [
    'BUSY',
    {
      what: 'Redis is busy running a script (BUSY)',
      hint: 'Try again in a moment; if it lasts, a long script is blocking Redis.',
    },
  ],
  [
    'MASTERDOWN',
    {
      what: 'the replica lost its link to the primary (MASTERDOWN)',
      hint: 'Point the store at the primary, or try again once the replica is linked again.',
    },
  ],
  [
    'MISCONF',
    {
      what: 'Redis refuses writes because it cannot save its data to disk (MISCONF)',
      hint: "Fix Redis's persistence (disk space, the permissions of its directory), then try again.",
    },
  ],
  [
    'NOREPLICAS',
    {
      what: 'Redis refuses writes because too few replicas are in sync (NOREPLICAS)',
      hint: 'Try again once the replicas have caught up (min-replicas-to-write).',
    },
  ],
]);

/**
 * What a store's caller sees when a call on Redis fails. A failure of the connection or of the
 * server's state (unreachable, cut, timed out, `READONLY`, `OOM`, `LOADING`, …) becomes a
 * retryable `TransientError` naming the store and the operation, with ioredis' error kept as a
 * `cause` that `util.inspect` does not print (ioredis puts the command's arguments on it, and a
 * token store's arguments are the tokens). Anything else passes unchanged: a smmkit error the
 * store chose (a `ValidationError` for a damaged entry), and errors that mean a bug or a set-up
 * mistake (`WRONGTYPE`, `NOPERM`, a script error, a call on a closed store or a client that
 * stopped reconnecting, which no retry can heal: ioredis' plain "Connection is closed." holds no
 * command), so they are never mistaken for something to retry; those keep the command's name but
 * lose its arguments.
 *
 * @param error - what the call threw
 * @param call - the store and the operation
 * @returns the error to throw
 *
 * @example
 * ```ts
 * redis.hgetall(key).catch((error) => {
 *   throw redisFailure(error, { store: 'schedule store', operation: 'read the entry' });
 * });
 * ```
 */
export function redisFailure(error: unknown, call: RedisCall): unknown {
  if (SmmkitError.isInstance(error) || !(error instanceof Error)) return error;
  const described = describe(error);
  if (described === undefined) return withoutCommandArgs(error);
  return withUnprintedCause(
    new TransientError(
      'transient',
      `The Redis ${call.store} could not ${call.operation}: ${described.what}.`,
      {
        hint: described.hint,
        // Unprinted by util.inspect, but a logger that walks `cause` would still print its arguments.
        cause: withoutCommandArgs(error),
      },
    ),
  );
}

/**
 * The error passed on as it is, but for the arguments ioredis attaches to it (`command.args`,
 * enumerable, so printed, logged and serialized with it): a token store's arguments are the
 * tokens, other stores' what a post or an item holds. The command's name stays, to say which
 * call failed; so do the queued commands' errors of a discarded MULTI, each without its arguments.
 */
function withoutCommandArgs(error: Error): Error {
  const { command, previousErrors } = error as { command?: unknown; previousErrors?: unknown };
  // Redis's own reply quotes the arguments of a command it does not know ("ERR unknown command
  // 'auth', with args beginning with: '<password>'"): the quote goes too.
  // The stack too: it is written from the message when first read, which ioredis may have done
  // already (showFriendlyErrorStack), and an app's listener may have.
  for (const key of ['message', 'stack'] as const) {
    const text = error[key];
    if (typeof text !== 'string' || !QUOTED_ARGS.test(text)) continue;
    Object.defineProperty(error, key, {
      value: text.replace(QUOTED_ARGS, ', with args beginning with: (left out)'),
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }
  if (typeof command === 'object' && command !== null && 'args' in command) {
    const { name } = command as { name?: unknown };
    Object.defineProperty(error, 'command', {
      value: { name },
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  if (Array.isArray(previousErrors)) {
    for (const previous of previousErrors) if (previous instanceof Error) withoutCommandArgs(previous);
  }
  return error;
}

/** Where a Redis reply quotes a command's arguments (https://github.com/redis/redis/blob/unstable/src/server.c, "with args beginning with"). */
const QUOTED_ARGS = /, with args beginning with:[^\n]*/;

/** The words for a failure of the connection or the server, or `undefined` when `error` is not one. */
function describe(error: Error): Described | undefined {
  if (error.name === 'ReplyError') return describeReply(error);
  const byName = CLIENT_FAILURE_NAMES.get(error.name);
  if (byName !== undefined) return byName;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && SOCKET_CODES.has(code)) {
    return { what: `the connection to Redis failed (${code})`, hint: REACH };
  }
  return CLIENT_FAILURES.find(([pattern]) => pattern.test(error.message))?.[1];
}

/**
 * The words for a reply error: by its prefix, or for a MULTI that Redis discarded (`EXECABORT`),
 * by the first queued command's error that says why (ioredis keeps them in `previousErrors`).
 */
function describeReply(error: Error): Described | undefined {
  const prefix = /^[A-Z]+/.exec(error.message)?.[0] ?? '';
  if (prefix !== 'EXECABORT') return SERVER_FAILURES.get(prefix);
  const { previousErrors } = error as { previousErrors?: unknown };
  if (!Array.isArray(previousErrors)) return undefined;
  for (const previous of previousErrors) {
    const described = previous instanceof Error ? describe(previous) : undefined;
    if (described !== undefined) return described;
  }
  return undefined;
}
