// Reads the records a receiver stored in its JSON-lines files, for the demo's inbox page.
// @intake/receiver's jsonlStore writes these files but has no reader, so the lines are parsed here.
import { readFile } from 'node:fs/promises';

/**
 * @typedef {object} InboxEntry
 * @property {string} form The preset (file) the record came in through.
 * @property {Record<string, any>} record The stored record, as the receiver wrote it.
 */

/**
 * The records of the given JSON-lines files, newest first (by `submittedAt`, then by position),
 * at most `limit` of them. Missing files count as empty. Only whole lines are read: a line the
 * receiver is writing at this moment has no newline yet and is left for the next read; a line
 * that is not a JSON object is skipped.
 * @param {Readonly<Record<string, string>>} files form id -> path of its JSON-lines file
 * @param {{ limit?: number }} [options]
 * @returns {Promise<{ total: number, entries: InboxEntry[] }>}
 */
export async function readRecords(files, { limit = 200 } = {}) {
  /** @type {(InboxEntry & { order: number })[]} */
  const all = [];
  for (const [form, path] of Object.entries(files)) {
    let text;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (/** @type {{ code?: string }} */ (error).code === 'ENOENT') continue;
      throw error;
    }
    const lines = text.split('\n');
    lines.pop(); // the text after the last newline: empty, or a line still being written
    for (const line of lines) {
      if (line.trim() === '') continue;
      let record;
      try {
        record = JSON.parse(line);
      } catch {
        continue;
      }
      if (record !== null && typeof record === 'object' && !Array.isArray(record)) all.push({ form, record, order: all.length });
    }
  }
  const time = (entry) => {
    const at = Date.parse(entry.record.submittedAt);
    return Number.isNaN(at) ? 0 : at;
  };
  all.sort((a, b) => time(b) - time(a) || b.order - a.order);
  return { total: all.length, entries: all.slice(0, limit).map(({ form, record }) => ({ form, record })) };
}
