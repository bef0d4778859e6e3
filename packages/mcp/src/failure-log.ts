/** How deep along an error's `cause` chain the log looks. */
const CAUSE_DEPTH = 5;

/** A `code` that names a condition (`ECONNRESET`, `ERR_INVALID_URL`), not free text. */
const CONDITION_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** A stack line naming where the code ran (`    at fn (file:///…:1:2)`), not what it said. */
const STACK_FRAME = /^\s+at /;

/** One error of the chain: its name, its condition code, and where it was thrown. */
function describeOne(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${error === null ? 'null' : typeof error}`;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '').split('\n').filter((line) => STACK_FRAME.test(line));
  return [
    `${error.name}${typeof code === 'string' && CONDITION_CODE.test(code) ? ` (${code})` : ''}`,
    ...frames,
  ].join('\n');
}

/**
 * What the server logs (stderr) of a failure that is not a smmkit error: each error's name, its
 * condition code and its stack frames, along the cause chain, and never a message. A message
 * may hold whatever the code that threw put there (a request URL with its `access_token`, a
 * response body echoing a token), and smmkit's redaction, which knows the secrets, only cleans
 * smmkit's own errors; where the failure was thrown is what a person needs to find it.
 *
 * @param error - what a tool's work threw
 * @returns lines safe to log
 */
export function describeFailure(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < CAUSE_DEPTH && current !== undefined; depth++) {
    parts.push(describeOne(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\nCaused by: ');
}
