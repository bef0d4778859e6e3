import { ValidationError, type ValidationProblem } from '@smmkit/core';
import { isPlatform, PLATFORMS } from './platforms.js';
import { queueSlotProblems } from './slot-syntax.js';
import type { SmmkitConfig } from './smmkit-config.js';

/** What a variable name looks like; anything else (a pasted token) is refused without echoing it. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Path = readonly (string | number)[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collects every problem of a config at once, as `parsePost` does for a post. */
class Problems {
  readonly list: ValidationProblem[] = [];

  add(path: Path, rule: string, message: string): void {
    this.list.push({ path, rule, message });
  }

  /** Keys of `value` not in `known`. */
  unknownKeys(value: Record<string, unknown>, known: readonly string[], path: Path): void {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.add([...path, key], 'config.unknown_key', `unknown key "${key}"`);
    }
  }

  string(value: unknown, path: Path, required: boolean): void {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || value.length === 0)
      this.add(path, 'config.string', 'must be a non-empty string');
  }

  /**
   * An environment variable's name. The message never repeats the value: a value that is not a
   * name is most likely the secret itself, pasted where its variable's name belongs.
   */
  envName(value: unknown, path: Path, required: boolean): void {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || !ENV_NAME.test(value)) {
      this.add(
        path,
        'config.env_name',
        'must be the NAME of an environment variable (letters, digits, _), never a secret itself',
      );
    }
  }
}

/**
 * Whether the runtime knows `zone`: the check the scheduler makes when it reads the account
 * (https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/DateTimeFormat/DateTimeFormat#timezone).
 */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const ACCOUNT_KEYS = ['id', 'platform', 'accountId', 'handle', 'timeZone', 'slots', 'tokens'];
const TOKEN_KEYS = ['accessTokenEnv', 'refreshTokenEnv'];
const ADAPTER_KEYS = ['settings', 'clientIdEnv', 'clientSecretEnv'];
const CONFIG_KEYS = ['$schema', 'store', 'accounts', 'adapters'];

function checkAccount(account: unknown, path: Path, problems: Problems): void {
  if (!isObject(account)) {
    problems.add(path, 'config.object', 'must be an object');
    return;
  }
  problems.unknownKeys(account, ACCOUNT_KEYS, path);
  problems.string(account.id, [...path, 'id'], true);
  problems.string(account.accountId, [...path, 'accountId'], true);
  problems.string(account.handle, [...path, 'handle'], false);
  problems.string(account.timeZone, [...path, 'timeZone'], false);
  if (typeof account.timeZone === 'string' && account.timeZone.length > 0 && !isTimeZone(account.timeZone)) {
    problems.add(
      [...path, 'timeZone'],
      'config.time_zone',
      'must be an IANA time zone the runtime knows, such as "Europe/Berlin" or "UTC"',
    );
  }
  if (!isPlatform(account.platform)) {
    problems.add([...path, 'platform'], 'config.platform', `must be one of ${PLATFORMS.join(', ')}`);
  }
  if (
    account.slots !== undefined &&
    (!Array.isArray(account.slots) || !account.slots.every((slot) => typeof slot === 'string'))
  ) {
    problems.add([...path, 'slots'], 'config.slots', 'must be a list of slots such as "Mon-Fri 09:00"');
  } else if (account.slots !== undefined) {
    // Read now, not when the store is open and the account stored: a typo is a config error.
    problems.list.push(...queueSlotProblems(account.slots as string[], [...path, 'slots']));
  }
  const tokens = account.tokens;
  if (tokens === undefined) return;
  if (!isObject(tokens)) {
    problems.add([...path, 'tokens'], 'config.object', 'must be an object');
    return;
  }
  problems.unknownKeys(tokens, TOKEN_KEYS, [...path, 'tokens']);
  problems.envName(tokens.accessTokenEnv, [...path, 'tokens', 'accessTokenEnv'], true);
  problems.envName(tokens.refreshTokenEnv, [...path, 'tokens', 'refreshTokenEnv'], false);
}

function checkAdapters(adapters: unknown, problems: Problems): void {
  if (adapters === undefined) return;
  if (!isObject(adapters)) {
    problems.add(['adapters'], 'config.object', 'must be an object keyed by platform');
    return;
  }
  for (const [platform, adapter] of Object.entries(adapters)) {
    const path = ['adapters', platform];
    if (!isPlatform(platform)) {
      problems.add(path, 'config.platform', `must be one of ${PLATFORMS.join(', ')}`);
      continue;
    }
    if (!isObject(adapter)) {
      problems.add(path, 'config.object', 'must be an object');
      continue;
    }
    problems.unknownKeys(adapter, ADAPTER_KEYS, path);
    if (adapter.settings !== undefined && !isObject(adapter.settings)) {
      problems.add([...path, 'settings'], 'config.object', 'must be an object');
    }
    problems.envName(adapter.clientIdEnv, [...path, 'clientIdEnv'], false);
    problems.envName(adapter.clientSecretEnv, [...path, 'clientSecretEnv'], false);
  }
}

/**
 * Checks a config read from a file or a module, listing every problem at once.
 *
 * @param value - what the file held
 * @returns the config
 * @throws ValidationError (subject `config`) with every problem; no message repeats a value
 */
export function parseConfig(value: unknown): SmmkitConfig {
  const problems = new Problems();
  if (!isObject(value)) {
    problems.add([], 'config.object', 'the config must be an object');
    throw new ValidationError(problems.list, 'config');
  }
  problems.unknownKeys(value, CONFIG_KEYS, []);
  problems.string(value.store, ['store'], false);
  const accounts = value.accounts;
  if (accounts !== undefined && !Array.isArray(accounts)) {
    problems.add(['accounts'], 'config.accounts', 'must be a list of accounts');
  } else if (accounts !== undefined) {
    const ids = new Set<unknown>();
    accounts.forEach((account: unknown, index) => {
      checkAccount(account, ['accounts', index], problems);
      const id = isObject(account) ? account.id : undefined;
      if (typeof id === 'string' && ids.has(id)) {
        problems.add(['accounts', index, 'id'], 'config.duplicate_id', `"${id}" is used by two accounts`);
      }
      ids.add(id);
    });
  }
  checkAdapters(value.adapters, problems);
  if (problems.list.length > 0) throw new ValidationError(problems.list, 'config');
  return value as SmmkitConfig;
}
