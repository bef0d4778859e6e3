import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = join(PACKAGE, 'dist', 'cli.js');
/** The file package.json's `bin` names: what a user's `smmkit` runs. */
const BINARY = join(PACKAGE, 'bin', 'smmkit.js');
const LOCK = join(PACKAGE, '.build-lock');
const STALE_LOCK_MS = 120_000;

/** The newest modification time under `dir`. */
function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

const fresh = (): boolean => existsSync(BUILT) && statSync(BUILT).mtimeMs >= newest(join(PACKAGE, 'src'));

/**
 * Builds the package (tsup) when dist/cli.js is older than the sources, once for every test file:
 * files run in parallel workers, so a lock directory lets one build while the others wait.
 */
export function ensureBuilt(): void {
  if (fresh()) return;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a run that was killed mid-build is older than any build takes.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS)
        rmSync(LOCK, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (!fresh()) {
      execFileSync(join(PACKAGE, '..', '..', 'node_modules', '.bin', 'tsup'), {
        cwd: PACKAGE,
        stdio: 'ignore',
      });
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** What one run of the binary did. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link smmkit}. */
export interface CliOptions {
  /** The working directory (default: a fresh empty one, so no config is found by chance). */
  readonly cwd?: string | undefined;
  /** Variables added to the environment. */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /** The umask the command runs with (through `sh`), e.g. `022`, the usual default. */
  readonly umask?: string | undefined;
  /** Node options before the binary, e.g. `['--import', preload]`. */
  readonly node?: readonly string[] | undefined;
}

/** The program and arguments that run the binary with `options`. */
function command(args: readonly string[], options: CliOptions): [string, string[]] {
  const node = [...(options.node ?? []), BINARY, ...args];
  if (options.umask === undefined) return [process.execPath, node];
  return ['/bin/sh', ['-c', `umask ${options.umask} && exec "$0" "$@"`, process.execPath, ...node]];
}

/** The environment of a run in `cwd`. */
function envOf(cwd: string, options: CliOptions): NodeJS.ProcessEnv {
  // The run's own temporary folder: --simulate keeps its store there, apart from other tests.
  return { ...process.env, NO_COLOR: '1', TMPDIR: cwd, ...options.env };
}

/** Runs the built `smmkit` binary with `args` as a child process, as a user's shell would. */
export function smmkit(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const cwd = options.cwd ?? folder();
  const [file, argv] = command(args, options);
  return new Promise((resolve) => {
    execFile(
      file,
      argv,
      {
        cwd,
        env: envOf(cwd, options),
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A fresh temporary folder. */
export function folder(): string {
  return mkdtempSync(join(tmpdir(), 'smmkit-cli-test-'));
}

/** Writes `value` as JSON to `name` in `dir` and returns the path. */
export function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/** A run of the binary that a test talks to while it runs. */
export interface LiveRun {
  /** The child process (to send it signals). */
  readonly child: ChildProcess;
  /** Resolves once stderr so far contains `text`. */
  stderrContains(text: string): Promise<void>;
  /** Resolves with the run when it exits. */
  readonly done: Promise<CliRun>;
}

/** Starts the built binary with `args` and hands it over while it runs. */
export function startSmmkit(args: readonly string[], options: CliOptions = {}): LiveRun {
  const cwd = options.cwd ?? folder();
  const [file, argv] = command(args, options);
  const child = spawn(file, argv, { cwd, env: envOf(cwd, options) });
  let stdout = '';
  let stderr = '';
  const waiting: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const wait of waiting.filter((each) => stderr.includes(each.text))) {
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve();
    }
  });
  const done = new Promise<CliRun>((resolve) => {
    child.on('close', (code) => {
      for (const wait of waiting) wait.resolve();
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
  return {
    child,
    done,
    stderrContains: (text) =>
      stderr.includes(text) ? Promise.resolve() : new Promise((resolve) => waiting.push({ text, resolve })),
  };
}
