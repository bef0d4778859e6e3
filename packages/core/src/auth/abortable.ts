/**
 * Waits for `promise` unless `signal` aborts first, in which case it rejects with the signal's
 * reason. The promise itself keeps running: it is shared work (a token refresh) that other
 * callers still wait for, so one caller giving up must not cancel it for everyone.
 *
 * @param promise - the shared work to wait for
 * @param signal - the caller's signal, if any
 * @returns what `promise` settles with, unless the signal aborts first
 */
export function waitUnlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
