import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ValidationError } from '@smmkit/core';
import { describeJsonSyntaxError } from './json-syntax-error.js';
import { parseConfig } from './parse-config.js';
import type { SmmkitConfig } from './smmkit-config.js';

/** The files looked for in the working directory, in this order, when no path is given. */
export const CONFIG_FILES = [
  'smmkit.config.json',
  'smmkit.config.ts',
  'smmkit.config.mjs',
  'smmkit.config.js',
] as const;

/** The SQLite file when the config names none, next to the config file. */
const DEFAULT_STORE = 'smmkit.db';

const configError = (message: string): ValidationError =>
  new ValidationError([{ path: [], rule: 'config.file', message }], 'config');

/** Reads a JSON file or imports a module's default export (Node strips a `.ts` file's types). */
async function readConfigFile(path: string): Promise<unknown> {
  if (extname(path) === '.json') {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw configError(`cannot read ${path}`);
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      // JSON.parse's own message can quote the text, and with it a secret pasted in the file.
      const where = describeJsonSyntaxError(error, text);
      throw configError(
        `${path} is not valid JSON${where === '' ? '' : ` ${where}`}: fix its syntax (JSON takes no comments or trailing commas, and needs double quotes around names and strings)`,
      );
    }
  }
  try {
    const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    return module.default;
  } catch (error) {
    throw configError(
      `cannot load ${path}: ${error instanceof Error ? error.name : 'error'} (a .ts config needs Node 22.18 or later)`,
    );
  }
}

/**
 * Finds, reads and checks the config: `path` when given, else the first of
 * `smmkit.config.json`, `.ts`, `.mjs` and `.js` in the working directory. The store path comes
 * back absolute, resolved against the config file's folder (default `smmkit.db` there).
 *
 * @param path - the config file; without it, the working directory is searched
 * @returns the config, or `undefined` when no path was given and no file was found
 * @throws ValidationError (subject `config`) when the file is missing, unreadable or invalid;
 *   every problem is listed, and no message repeats a value from the file
 *
 * @example
 * ```ts
 * import { loadConfig, openSmmkit } from '@smmkit/cli';
 *
 * const config = await loadConfig(); // ./smmkit.config.json
 * const { smm, close } = await openSmmkit(config ?? {}, { simulate: config === undefined });
 * ```
 */
export async function loadConfig(path?: string): Promise<SmmkitConfig | undefined> {
  const file =
    path === undefined
      ? CONFIG_FILES.map((name) => resolve(name)).find((candidate) => existsSync(candidate))
      : resolve(path);
  if (file === undefined) return undefined;
  if (!existsSync(file)) throw configError(`no config file at ${file}`);
  const config = parseConfig(await readConfigFile(file));
  const store = config.store ?? DEFAULT_STORE;
  return { ...config, store: isAbsolute(store) ? store : resolve(dirname(file), store) };
}
