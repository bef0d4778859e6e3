/** Hooks of {@link recordingFetch}. */
export interface RecordingFetchHooks {
  /** Runs before a request is sent (to change simulator state as if someone else acted meanwhile). */
  readonly before?: ((request: Request) => void | Promise<void>) | undefined;
  /** Replaces a response (to change what the platform answered). */
  readonly after?: ((request: Request, response: Response) => Response | Promise<Response>) | undefined;
}

/** A `fetch` made by {@link recordingFetch} and what it saw. */
export interface RecordingFetch {
  /** The `fetch` to give the code under test. */
  readonly fetch: typeof globalThis.fetch;
  /** Every request, in order (clones, so their bodies can be read). */
  readonly requests: Request[];
  /** Every response the code under test got, in order (clones, after `hooks.after`). */
  readonly responses: Response[];
}

/**
 * A `fetch` that passes every call on to the global `fetch` (the simulators), through `hooks`
 * when given, and keeps each request and response for assertions: the adapter tests' way to see
 * exactly what went over the wire, or to make the platform answer differently once.
 *
 * @param hooks - what to do before a request is sent, and how to change its response
 * @returns the `fetch`, and the requests and responses it saw
 *
 * @example
 * ```ts
 * const recorder = recordingFetch({ after: (_request, response) => (lost ? Response.error() : response) });
 * await createAcmeAdapter({ fetch: recorder.fetch }).publish(post, context);
 * expect(recorder.requests.map((request) => request.method)).toEqual(['POST']);
 * ```
 */
export function recordingFetch(hooks: RecordingFetchHooks = {}): RecordingFetch {
  const requests: Request[] = [];
  const responses: Response[] = [];
  return {
    requests,
    responses,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      requests.push(request.clone());
      await hooks.before?.(request);
      const answered = await fetch(request);
      const response = hooks.after === undefined ? answered : await hooks.after(request, answered);
      responses.push(response.clone());
      return response;
    },
  };
}
