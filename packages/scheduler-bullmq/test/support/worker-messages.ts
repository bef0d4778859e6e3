/** What the test sends a worker process (publisher-process.ts). */
export type ParentMessage =
  | { readonly type: 'publish'; readonly text: string }
  | { readonly type: 'crash-on-next-refresh'; readonly when: 'before-write' | 'after-write' }
  | { readonly type: 'exit' };

/** What a worker process answers. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'armed' }
  | { readonly type: 'published'; readonly id: string }
  | { readonly type: 'failed'; readonly name: string; readonly code: string };
