import { EventEmitter } from 'eventemitter3';

/** What a `listener-error` event carries: an app listener threw, and smmkit's own work went on. */
export interface ListenerErrorEvent {
  /** What the listener threw (or the reason its promise rejected with). */
  readonly error: unknown;
  /** The event the listener was called for. */
  readonly event: string;
}

/** The events of an emitter that reports its throwing listeners. */
interface ReportsListenerErrors {
  /** An app listener threw; what smmkit was doing went on (see {@link isolatedEmitter}). */
  'listener-error': (event: ListenerErrorEvent) => void;
}

/** A listener as the emitter holds it. */
type AnyListener = (...args: unknown[]) => unknown;
/** The registration methods, seen without the emitter's event typing. */
type Register = (event: string | symbol, fn: AnyListener, context?: unknown) => unknown;
type Unregister = (event: string | symbol, fn?: AnyListener, context?: unknown, once?: boolean) => unknown;

/**
 * A typed emitter whose listeners cannot break the code that emits, nor each other: the publisher
 * and the scheduler emit in the middle of a publish, where a listener's throw would turn a
 * published post into an unknown one, or stop an entry from running. Each listener runs on its
 * own: one that throws (or returns a promise that rejects) is reported on `listener-error`, and
 * the listeners after it, smmkit's own among them, still get the event; one that throws on
 * `listener-error` is dropped. `listeners(event)` lists the guarded functions, not the ones
 * given; `off`/`removeListener` take the ones given.
 *
 * @returns the emitter
 */
export function isolatedEmitter<Events extends ReportsListenerErrors>(): EventEmitter<Events> {
  const emitter = new EventEmitter<Events>();
  const loose = emitter as unknown as Record<'on' | 'addListener' | 'once', Register> &
    Record<'off' | 'removeListener', Unregister> & { emit(event: string, payload: unknown): boolean };
  const report = (error: unknown, event: string | symbol): void => {
    if (event === 'listener-error') return; // the app's listener-error listener: nowhere left to report
    loose.emit('listener-error', { error, event: String(event) });
  };
  /** The guarded function of each listener, per event, so that removing the given one works. */
  const guards = new Map<string | symbol, WeakMap<AnyListener, AnyListener>>();
  const guard = (event: string | symbol, fn: AnyListener): AnyListener => {
    let byListener = guards.get(event);
    if (byListener === undefined) {
      byListener = new WeakMap();
      guards.set(event, byListener);
    }
    let guarded = byListener.get(fn);
    if (guarded === undefined) {
      guarded = function (this: unknown, ...args: unknown[]): void {
        try {
          const returned = fn.apply(this, args);
          if (returned instanceof Promise) returned.catch((error: unknown) => report(error, event));
        } catch (error) {
          report(error, event);
        }
      };
      byListener.set(fn, guarded);
    }
    return guarded;
  };
  const on = loose.on.bind(emitter);
  const once = loose.once.bind(emitter);
  const off = loose.off.bind(emitter);
  loose.on = (event, fn, context) => on(event, guard(event, fn), context);
  loose.addListener = loose.on;
  loose.once = (event, fn, context) => once(event, guard(event, fn), context);
  loose.off = (event, fn, context, onlyOnce) =>
    off(event, fn === undefined ? undefined : (guards.get(event)?.get(fn) ?? fn), context, onlyOnce);
  loose.removeListener = loose.off;
  return emitter;
}
