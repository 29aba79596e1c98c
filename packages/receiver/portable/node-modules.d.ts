// Used only by tsconfig.portable.json. The Fetch-standard part of the receiver is compiled
// without Node's types, so a Node API used by mistake (Buffer, process, node:*) fails to compile.
// jsonl-store.ts loads Node's file modules lazily, only when it is used; here they are opaque.
declare module 'node:fs/promises';
declare module 'node:path';
declare module 'node:fs';
declare module 'node:process';
