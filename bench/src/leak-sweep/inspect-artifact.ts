/**
 * Looks for secrets in one thing a user can see (a thrown error, an outcome, an event payload)
 * the ways a user sees it: `JSON.stringify`, `util.inspect` at full depth with and without
 * `showHidden` (what `console.log` prints, causes included), `String(error)` and `error.stack`
 * of every error reachable from it (so every link of a `cause` chain is printed on its own too),
 * and every string reachable through its own properties, enumerable or not, by path
 * (`outcome.error.platformError.message`).
 */
import { inspect } from 'node:util';
import type { AppThrown } from './app-thrown.ts';
import type { Encoding, SecretFinder, SecretMatch } from './find-secrets.ts';
import type { SecretKind } from './secret-set.ts';

/** Something a user can see after a probe. */
export interface Artifact {
  /** What it is (`publisher outcome`, `event failed #1`, `adapter.publish threw`). */
  readonly label: string;
  /** The root of its paths (`outcome`, `error`, `event`). */
  readonly root: string;
  /** The value. */
  readonly value: unknown;
}

/** One secret found in one artifact. */
export interface Finding {
  /** The artifact's label. */
  readonly artifact: string;
  /** Which secret. */
  readonly kind: SecretKind;
  /** How it was written. */
  readonly encoding: Encoding;
  /** Property paths holding it (`outcome.error.message`). */
  readonly paths: readonly string[];
  /** Renderings printing it (`JSON.stringify`, `util.inspect`). */
  readonly renderings: readonly string[];
  /** Where it was seen, the secret masked, for the report. */
  readonly excerpt: string;
}

/** Deepest property path followed: far more than any error or outcome nests. */
const MAX_DEPTH = 40;

/**
 * Every secret `find` finds in `artifact`, grouped by secret and encoding. Objects the sweep's
 * own callbacks threw are not walked (see {@link AppThrown}); renderings are searched whole.
 */
export function findingsIn(artifact: Artifact, find: SecretFinder, app: AppThrown): Finding[] {
  const groups = new Map<
    string,
    { kind: SecretKind; encoding: Encoding; paths: Set<string>; renderings: Set<string>; excerpt: string }
  >();
  const note = (where: string, isPath: boolean, text: string): void => {
    const matches = find(text);
    for (const match of matches) {
      const key = `${match.kind}\u0000${match.encoding}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = {
          kind: match.kind,
          encoding: match.encoding,
          paths: new Set(),
          renderings: new Set(),
          excerpt: excerpt(text, match, matches),
        };
        groups.set(key, group);
      }
      (isPath ? group.paths : group.renderings).add(where);
    }
  };

  const errors: { path: string; error: Error }[] = [];
  walk(artifact.value, artifact.root, app, (path, text) => note(path, true, text), errors);
  for (const [name, text] of renderings(artifact.value)) note(name, false, text);
  for (const { path, error } of errors) {
    note(
      `String(${path})`,
      false,
      safely(() => String(error)),
    );
    note(
      `util.inspect(${path})`,
      false,
      safely(() => inspect(error, INSPECT_ALL)),
    );
  }
  return [...groups.values()].map((group) => ({
    artifact: artifact.label,
    kind: group.kind,
    encoding: group.encoding,
    paths: [...group.paths],
    renderings: [...group.renderings],
    excerpt: group.excerpt,
  }));
}

/** `util.inspect` as a user who wants everything calls it. */
const INSPECT_ALL = {
  depth: Number.POSITIVE_INFINITY,
  showHidden: true,
  breakLength: Number.POSITIVE_INFINITY,
  maxStringLength: Number.POSITIVE_INFINITY,
  maxArrayLength: 1_000,
} as const;

function renderings(value: unknown): [string, string][] {
  return [
    ['JSON.stringify', safely(() => JSON.stringify(value, jsonReplacer) ?? '')],
    ['util.inspect(showHidden)', safely(() => inspect(value, INSPECT_ALL))],
    [
      'util.inspect',
      safely(() =>
        inspect(value, { depth: Number.POSITIVE_INFINITY, maxStringLength: Number.POSITIVE_INFINITY }),
      ),
    ],
  ];
}

/** JSON.stringify throws on a BigInt and writes a media buffer byte by byte: neither helps here. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  return value;
}

function safely(render: () => string): string {
  try {
    return render();
  } catch (error) {
    return `[rendering threw ${error instanceof Error ? error.name : typeof error}]`;
  }
}

/**
 * Calls `visit` with every string reachable from `value` through own properties (enumerable or
 * not, symbols included, getters read), entries of Maps, Sets and Headers, and array items;
 * collects the errors met on the way.
 */
function walk(
  value: unknown,
  root: string,
  app: AppThrown,
  visit: (path: string, text: string) => void,
  errors: { path: string; error: Error }[],
): void {
  const seen = new Set<object>();
  const step = (current: unknown, path: string, depth: number): void => {
    if (app.has(current)) return;
    if (typeof current === 'string') {
      visit(path, current);
      return;
    }
    if (typeof current !== 'object' || current === null || depth > MAX_DEPTH) return;
    if (seen.has(current)) return;
    seen.add(current);
    if (ArrayBuffer.isView(current) || current instanceof ArrayBuffer || current instanceof Date) return;
    if (current instanceof Error) errors.push({ path, error: current });
    if (current instanceof Headers) {
      for (const [name, headerValue] of current) step(headerValue, `${path}.headers[${name}]`, depth + 1);
      return;
    }
    if (current instanceof Map) {
      for (const [key, entry] of current) step(entry, `${path}.get(${String(key)})`, depth + 1);
      return;
    }
    if (current instanceof Set) {
      let index = 0;
      for (const entry of current) step(entry, `${path}.values()[${index++}]`, depth + 1);
      return;
    }
    for (const key of Reflect.ownKeys(current)) {
      const descriptor = Object.getOwnPropertyDescriptor(current, key);
      if (descriptor === undefined) continue;
      let child: unknown;
      if ('value' in descriptor) child = descriptor.value;
      else if (descriptor.get !== undefined) {
        try {
          child = descriptor.get.call(current);
        } catch {
          continue;
        }
      }
      if (Array.isArray(current) && key === 'length') continue;
      step(child, `${path}${propertyPath(current, key)}`, depth + 1);
    }
  };
  step(value, root, 0);
}

function propertyPath(owner: object, key: string | symbol): string {
  if (typeof key === 'symbol') return `[${key.toString()}]`;
  if (Array.isArray(owner) && /^\d+$/.test(key)) return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Up to 40 characters either side of `match`, every secret masked as `‹kind›`, on one line. */
function excerpt(text: string, match: SecretMatch, all: readonly SecretMatch[]): string {
  const from = Math.max(0, match.start - 40);
  const to = Math.min(text.length, match.end + 40);
  let out = '';
  let at = from;
  for (const other of all) {
    if (other.end <= from || other.start >= to || other.start < at) continue;
    out += `${text.slice(at, other.start)}‹${other.kind}›`;
    at = other.end;
  }
  out += text.slice(at, to);
  const oneLine = out.replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${oneLine}${to < text.length ? '…' : ''}`;
}
