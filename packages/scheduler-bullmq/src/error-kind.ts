/**
 * An error in words that cannot hold a secret: its name, and its code (`ECONNRESET`) or, for a
 * Redis reply, the reply's first word (`ERR`, `NOPERM`, `WRONGTYPE`), and the command's name when
 * ioredis gives it; never the reply's text after its first word, where Redis quotes what a
 * command was given.
 *
 * @param error - the error
 * @returns `ReplyError ERR on AUTH`, `Error ECONNRESET`, or the name alone
 */
export function errorKind(error: Error): string {
  const { code } = error as { code?: unknown };
  const word = error.name === 'ReplyError' ? /^[A-Z]+/.exec(error.message)?.[0] : undefined;
  const detail = word ?? (typeof code === 'string' && /^[\w.-]{1,40}$/.test(code) ? code : undefined);
  const kind = detail === undefined ? error.name : `${error.name} ${detail}`;
  // ioredis names the command that failed (its arguments, which may be a password, are left out).
  const { command } = error as { command?: { name?: unknown } };
  const name = command?.name;
  return typeof name === 'string' && /^[\w-]{1,30}$/.test(name) ? `${kind} on ${name.toUpperCase()}` : kind;
}
