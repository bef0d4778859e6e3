import { EventEmitter } from 'eventemitter3';

/** What a `listener-error` event carries: an app listener threw, and smmkit's own work went on. */
export interface ListenerErrorEvent {
  /** What the listener threw. */
  readonly error: unknown;
  /** The event the listener was called for. */
  readonly event: string;
}

/** The events of an emitter that reports its throwing listeners. */
interface ReportsListenerErrors {
  /** An app listener threw; what smmkit was doing went on (see {@link isolatedEmitter}). */
  'listener-error': (event: ListenerErrorEvent) => void;
}

/**
 * A typed emitter whose listeners cannot break the code that emits: the publisher and the
 * scheduler emit in the middle of a publish, where a listener's throw would turn a published post
 * into an unknown one, or stop an entry from ever running. A listener that throws is reported on
 * `listener-error` instead (the listeners after it miss that one event, as with any emitter); one
 * that throws on `listener-error` is dropped.
 *
 * @returns the emitter
 */
export function isolatedEmitter<Events extends ReportsListenerErrors>(): EventEmitter<Events> {
  const emitter = new EventEmitter<Events>();
  const emit = emitter.emit.bind(emitter);
  // `Events` has this event (see the bound), which the generic signature cannot show.
  const emitListenerError = emit as unknown as (name: 'listener-error', event: ListenerErrorEvent) => boolean;
  const report = (error: unknown, event: string): void => {
    try {
      emitListenerError('listener-error', { error, event });
    } catch {
      // The app's listener-error listener threw too: nowhere left to report it.
    }
  };
  emitter.emit = (event, ...args) => {
    try {
      return emit(event, ...args);
    } catch (error) {
      if (event !== 'listener-error') report(error, String(event));
      return true;
    }
  };
  return emitter;
}
