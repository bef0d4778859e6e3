/**
 * The exit codes scripts can rely on (docs/cli.md lists them). 0 and 1 follow the usual
 * convention; 2 is what shells and most CLIs use for a usage error; 70 is `EX_SOFTWARE` from BSD's
 * sysexits.h (https://man.freebsd.org/cgi/man.cgi?query=sysexits).
 */
export const EXIT = {
  /** Everything done. */
  ok: 0,
  /** A failure outcome: a post had problems or failed to publish, an account failed its check. */
  failure: 1,
  /** Usage or config error: a wrong option, a missing or invalid config, an unknown account. */
  usage: 2,
  /** A publish or reply whose outcome is unknown (no failure): check the platform by hand. */
  unknown: 3,
  /** A bug in smmkit: an unexpected error. */
  internal: 70,
} as const;

/** One of {@link EXIT}'s codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that ends the command with `code` and prints only `message`. */
export class CliError extends Error {
  /** The exit code. */
  readonly code: ExitCode;

  constructor(code: ExitCode, message: string) {
    super(message);
    this.name = 'CliError';
    this.code = code;
  }
}
