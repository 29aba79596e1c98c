import type { Server } from 'node:http';
import type { RecordStore } from '@intake/receiver';

/** Options of {@link createCustomFlowServer}. */
export interface CustomFlowServerOptions {
  /** The folder of built pages. Default: `dist/` next to server.mjs. */
  readonly root?: string;
  /** Where the receiver keeps records. Default: `jsonlStore` at `$DATA_DIR/callback.jsonl`. */
  readonly store?: RecordStore;
  /** The receiver's spam threshold (default 1500 ms). */
  readonly minFillMs?: number;
  /** Log each POST /signup body (default true). */
  readonly log?: boolean;
}

/** Creates the example's HTTP server (not yet listening): the pages, `POST /signup` and `POST /hooks/callback`. */
export function createCustomFlowServer(options?: CustomFlowServerOptions): Promise<Server>;
