import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ParentMessage, WorkerMessage } from './worker-messages.js';

const script = fileURLToPath(new URL('./publisher-process.ts', import.meta.url));
// The worker runs the workspace's sources as the tests do, never a stale build.
const hooks = new URL('../../../core/test/support/source-hooks.ts', import.meta.url).href;

/** What a publish in a worker came to. */
export type PublishAnswer = Extract<WorkerMessage, { type: 'published' | 'failed' }>;

/** A worker process (publisher-process.ts) acting for the shared account. */
export interface Worker {
  /** Publishes `text` in the worker. */
  publish(text: string): Promise<PublishAnswer>;
  /** Makes the worker die (SIGKILL) at that point of its next refresh. */
  crashOnNextRefresh(when: 'before-write' | 'after-write'): Promise<void>;
  /** Settles when the process has exited, with its signal (`SIGKILL` for a crash) or exit code. */
  readonly exited: Promise<NodeJS.Signals | number | null>;
  /** Asks the worker to close its store and exit, and waits for it; kills it if it is stuck. */
  stop(): Promise<void>;
}

/**
 * Starts a worker process with `env` (see publisher-process.ts) and waits until it is ready.
 * Requests are answered in order; a worker that exits fails the request it was working on.
 */
export async function startWorker(env: Readonly<Record<string, string>>): Promise<Worker> {
  const child: ChildProcess = fork(script, [], {
    execArgv: ['--import', hooks],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: Array<{ resolve(message: WorkerMessage): void; reject(error: Error): void }> = [];
  const next = (): Promise<WorkerMessage> =>
    new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
    });
  child.on('message', (message) => waiting.shift()?.resolve(message as WorkerMessage));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      for (const request of waiting.splice(0)) {
        request.reject(new Error(`the worker exited (${signal ?? code}) before answering`));
      }
      resolve(signal ?? code);
    });
  });
  const send = (message: ParentMessage): Promise<WorkerMessage> => {
    const answer = next();
    child.send(message);
    return answer;
  };

  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`the worker said ${ready.type} instead of ready`);
  return {
    exited,
    publish: async (text) => {
      const answer = await send({ type: 'publish', text });
      if (answer.type !== 'published' && answer.type !== 'failed')
        throw new Error(`unexpected ${answer.type}`);
      return answer;
    },
    crashOnNextRefresh: async (when) => {
      await send({ type: 'crash-on-next-refresh', when });
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ type: 'exit' } satisfies ParentMessage);
      const stuck = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(stuck);
    },
  };
}
