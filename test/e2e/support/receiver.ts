// The real receiver of the end-to-end tests: `createHandler` from @intake/receiver over a
// `memoryStore`, as a Node listener, counting what the store answered.
import type { IntakeRecord } from '@intake/core';
import { createHandler, memoryStore, type MemoryStore } from '@intake/receiver';
import { toNodeListener } from '@intake/receiver/node';

export interface TestReceiver {
  readonly listener: ReturnType<typeof toNodeListener>;
  readonly store: MemoryStore;
  /** Answers of the store: new records and repeats. */
  readonly puts: { stored: number; repeat: number };
  /** Stored records by id. */
  stored(id: string): IntakeRecord[];
}

/** A receiver for `schema` taking posts from `allowedOrigin()` only (known once the page's server listens). */
export function testReceiver(schema: unknown, allowedOrigin: () => string): TestReceiver {
  const store = memoryStore();
  const puts = { stored: 0, repeat: 0 };
  const handler = createHandler({
    schema: schema as Record<string, unknown>,
    store: {
      has: (id: string) => store.has(id),
      put: async (record: IntakeRecord) => {
        const result = await store.put(record);
        puts[result] += 1;
        return result;
      },
    },
    // Browsers send Origin on every POST, same-origin ones included.
    allowedOrigins: (origin) => origin === allowedOrigin(),
    minFillMs: 0,
  });
  return {
    listener: toNodeListener(handler, { onError: (error) => console.error('receiver error', error) }),
    store,
    puts,
    stored: (id) => store.records.filter((record) => record.id === id),
  };
}
