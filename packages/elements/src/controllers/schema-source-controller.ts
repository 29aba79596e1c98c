import { parseForm, schemaMessagesFor, type Form, type Path } from '@intake/core';
import { loadSchemaMessages } from '../data/load-data.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A problem of a form schema that could not be loaded or read: its JSON path and a message. */
export interface SchemaProblem {
  readonly path: Path;
  readonly message: string;
}

/**
 * Where a schema is, and how far its loading got: nothing to load yet (`idle`), a fetch under way
 * (`loading`), the form read (`ready`), or the problems that stopped it (`error`).
 */
export type SchemaStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly form: Form }
  | { readonly kind: 'error'; readonly problems: readonly SchemaProblem[] };

/** The sources of a schema, in order of precedence (docs/schema.md): an object or JSON text, a URL, an inline script's text. */
export interface SchemaSources {
  readonly schema: unknown;
  readonly schemaUrl: string | undefined;
  readonly inline: string | undefined;
}

/** Options of {@link SchemaSourceController}. */
export interface SchemaSourceOptions {
  /** The `schema` and `schema-url` now: read at each `sync()` and each load (the inline script is the host's `<script type="application/json">` child). */
  readonly sources: () => Omit<SchemaSources, 'inline'>;
  /** The locale of the problems' messages. */
  readonly locale: () => string;
  /** Told once a load settles as `ready`, `error` or `idle` (never for a superseded load). */
  readonly onSettled: (status: SchemaStatus) => void;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads the schema of `<intake-form>` from whichever source it has, after lit's Task: the status
 * is a union that holds the form or the problems, a load started later wins over any earlier one
 * still under way (whose answer is ignored), and a superseded `schema-url` fetch is aborted. A
 * schema given as an object or text loads at once, within the host's update.
 *
 * @example
 * #source = new SchemaSourceController(this, {
 *   sources: () => ({ schema: this.schema, schemaUrl: this.schemaUrl }),
 *   locale: () => this.locale || 'en',
 *   onSettled: (status) => this.#useSchema(status),
 * });
 * // in willUpdate: this.#source.sync();
 */
export class SchemaSourceController implements ReactiveController {
  // A load runs to its end even if the host leaves the page meanwhile: moved elsewhere, it shows the form at once.
  readonly #host: ReactiveControllerHost & HTMLElement;
  #childObserver: MutationObserver | undefined;
  readonly #options: SchemaSourceOptions;
  #status: SchemaStatus = { kind: 'idle' };
  /** The sources of the last load, to load again only when one changes. */
  #loadedFrom: SchemaSources | undefined;
  /** The number of the last load: an answer to any other is stale. */
  #loadId = 0;
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: SchemaSourceOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#childObserver ??= new MutationObserver(() => this.#inlineChanged());
    this.#childObserver.observe(this.#host, { childList: true, subtree: true, characterData: true });
  }

  hostDisconnected(): void {
    this.#childObserver?.disconnect();
  }

  /** How far the last load got. */
  get status(): SchemaStatus {
    return this.#status;
  }

  /**
   * Loads when a source changed since the last load (the `schema` property, or the `schema-url`
   * when there is no `schema`). Call it in the host's `willUpdate`.
   */
  sync(): void {
    const from = this.#loadedFrom;
    const { schema, schemaUrl } = this.#options.sources();
    if (!from || schema !== from.schema || (schema === undefined && schemaUrl !== from.schemaUrl)) void this.load();
  }

  /** The sources now, with the text of the host's inline `<script type="application/json">` child, if any. */
  #sources(): SchemaSources {
    const inline = this.#host.querySelector(':scope > script[type="application/json"]')?.textContent ?? undefined;
    return { ...this.#options.sources(), inline };
  }

  /** Loads again when the inline script's text changed (an HTML parser may stream it after the element). */
  #inlineChanged(): void {
    const from = this.#loadedFrom;
    const { schema, schemaUrl, inline } = this.#sources();
    if (schema === undefined && !schemaUrl && from && inline !== from.inline) void this.load();
  }

  /** Loads the schema from its sources now, superseding any load under way. */
  async load(): Promise<void> {
    const id = ++this.#loadId;
    this.#abort?.abort();
    this.#abort = undefined;
    const sources = this.#sources();
    const { schema, schemaUrl } = sources;
    const inline = schema === undefined && !schemaUrl ? sources.inline : undefined;
    this.#loadedFrom = { schema, schemaUrl, inline };
    // `readyState` first: the text of a whole form is only parsed here while the page is loading.
    if (schema === undefined && !schemaUrl && inline !== undefined && document.readyState === 'loading' && !isJson(inline)) {
      // The parser is still streaming the script: wait for the rest of it (or for the page to end).
      document.addEventListener('DOMContentLoaded', () => id === this.#loadId && void this.load(), { once: true });
      return;
    }
    let input: unknown = schema ?? inline;
    let problems: SchemaProblem[] | undefined;
    if (schema === undefined && schemaUrl) {
      const abort = new AbortController();
      this.#abort = abort;
      this.#set({ kind: 'loading' });
      try {
        const response = await fetch(schemaUrl, { headers: { accept: 'application/json' }, signal: abort.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        input = await response.text();
      } catch (error) {
        problems = [{ path: [], message: `${schemaUrl}: ${(error as Error).message}` }];
      }
    }
    // A later load started meanwhile: this answer is stale, whatever it says.
    if (id !== this.#loadId) return;
    this.#abort = undefined;
    let status: SchemaStatus;
    if (problems) {
      status = { kind: 'error', problems };
    } else if (input === undefined) {
      status = { kind: 'idle' };
    } else {
      let parsed = parseForm(input, { locale: this.#options.locale() });
      // A broken form: its problems are told with texts loaded on demand in the script-tag build.
      if (!parsed.ok && !schemaMessagesFor('en')) {
        await loadSchemaMessages();
        if (id !== this.#loadId) return;
        parsed = parseForm(input, { locale: this.#options.locale() });
      }
      status = parsed.ok ? { kind: 'ready', form: parsed.form } : { kind: 'error', problems: parsed.issues };
    }
    this.#set(status);
    this.#options.onSettled(status);
  }

  #set(status: SchemaStatus): void {
    this.#status = status;
    this.#host.requestUpdate();
  }
}
