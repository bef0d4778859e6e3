/**
 * An error in words that cannot hold a secret: its name, and its code (`ECONNRESET`) or, for a
 * Redis reply, the reply's first word (`ERR`, `NOPERM`, `WRONGTYPE`); never the text after it,
 * where Redis quotes what a command was given.
 *
 * @param error - the error
 * @returns `ReplyError ERR`, `Error ECONNRESET`, or the name alone
 */
export function errorKind(error: Error): string {
  const { code } = error as { code?: unknown };
  const word = error.name === 'ReplyError' ? /^[A-Z]+/.exec(error.message)?.[0] : undefined;
  const detail = word ?? (typeof code === 'string' && /^[\w.-]{1,40}$/.test(code) ? code : undefined);
  return detail === undefined ? error.name : `${error.name} ${detail}`;
}
