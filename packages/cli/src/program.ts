/** Runs the command line; resolves with the exit code. Filled in by the commands. */
export async function run(_argv: readonly string[]): Promise<number> {
  return 0;
}
