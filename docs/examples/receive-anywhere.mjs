// Receiving records without @intake/receiver: the checks it makes, with @intake/core only, in a
// function any backend (Express, Fastify, Koa, a queue consumer) can call with the request body.
import { readFile } from 'node:fs/promises';
import { computeDedupeKey, parseForm, validateRecord } from '@intake/core';

const parsed = parseForm(await readFile(new URL('./contact.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(`contact.json: ${parsed.issues.map((issue) => issue.message).join('; ')}`);
const form = parsed.form;

const stored = new Map(); // stands in for your database table, keyed by record.id

/** Takes the JSON body of a POST; returns the status and the JSON answer to send back. */
export async function receive(body, { minFillMs = 1500 } = {}) {
  let record;
  try {
    record = JSON.parse(body);
  } catch {
    return { status: 422, answer: { message: 'The body is not JSON' } };
  }
  const context = record?.context ?? {};
  if (context.honeypot !== undefined || context.fillMs < minFillMs) return { status: 202, answer: { message: 'Accepted' } }; // spam: store nothing
  if (stored.has(record?.id)) return { status: 200, answer: { message: 'Already stored', id: record.id } }; // a retry
  const issues = [...validateRecord(form, record)];
  if (issues.length === 0 && (await computeDedupeKey(form, record.data)) !== record.dedupeKey) {
    issues.push({ code: 'dedupe_key_mismatch', path: ['dedupeKey'], message: 'The dedupe key does not match the data' });
  }
  if (issues.length > 0) return { status: 422, answer: { message: 'The record is invalid', issues } };
  // In a database: INSERT … ON CONFLICT (id) DO NOTHING, and answer 200 when no row was inserted.
  stored.set(record.id, record);
  return { status: 201, answer: { message: 'Stored', id: record.id } };
}
