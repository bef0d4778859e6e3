import { staticTokenProvider } from '../../../src/auth/static-token-provider.js';
import { createPublisher } from '../../../src/publisher/publisher.js';
import { memoryScheduleStore } from '../../../src/scheduler/memory-schedule-store.js';
import type { ScheduleStore } from '../../../src/scheduler/schedule-store.js';
import { createScheduler, type Scheduler } from '../../../src/scheduler/scheduler.js';

/** A scheduler on a memory store, and the names of the store methods it called. */
export function scheduler(): { scheduler: Scheduler; storeCalls: string[] } {
  const storeCalls: string[] = [];
  const inner = memoryScheduleStore();
  const store = new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        storeCalls.push(String(key));
        return value.apply(target, args);
      };
    },
  }) as ScheduleStore;
  const publisher = createPublisher({ adapters: [], tokens: () => staticTokenProvider('t'), outbox: store });
  return { scheduler: createScheduler({ store, publisher }), storeCalls };
}
