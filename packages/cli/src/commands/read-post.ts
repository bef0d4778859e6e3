import { readFileSync } from 'node:fs';
import { CliError, EXIT } from '../output/exit-codes.js';

/** The JSON of a post file (`-` reads stdin); checking it is the caller's (`parsePost`). */
export function readPostFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch {
    throw new CliError(EXIT.usage, `Cannot read the post file ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(
      EXIT.usage,
      `${path} is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
    );
  }
}
