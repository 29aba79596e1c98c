import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options of {@link LangController}. */
export interface LangControllerOptions {
  /** The element's own locale (e.g. its `locale` property); when set it wins over any `lang`. */
  readonly own?: () => string | undefined;
  /** Whether the host follows `lang` at all (e.g. not while a form gives it its locale). Default: always. */
  readonly enabled?: () => boolean;
  /** The locale when neither the element nor any `lang` above it says one. Default `en`. */
  readonly fallback?: string;
}

/** The hosts following `lang`, told by one observer of the whole document. */
const followers = new Set<() => void>();
let observer: MutationObserver | undefined;

function follow(listener: () => void): void {
  followers.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => {
      for (const notify of [...followers]) notify();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

function unfollow(listener: () => void): void {
  followers.delete(listener);
  if (followers.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/** The `lang` of the nearest element above `element` that has one, across shadow roots. */
export function nearestLang(element: Element): string | undefined {
  let node: Element | undefined = element;
  while (node) {
    const found = node.closest<HTMLElement>('[lang]');
    if (found) return found.lang || undefined;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : undefined;
  }
  return undefined;
}

/**
 * The locale an element speaks: its own (`own()`), else the nearest `lang` attribute above it
 * (across shadow roots), else `fallback`. While the host is connected it is updated whenever a
 * `lang` attribute changes anywhere in the document, so a page that switches its language
 * (`document.documentElement.lang = 'zh-CN'`) switches the host's messages too.
 *
 * @example
 * #lang = new LangController(this, { own: () => this.locale });
 * render() { return html`${uiMessages(this.#lang.locale).required}`; }
 */
export class LangController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #options: LangControllerOptions;
  readonly #onChange = () => this.#host.requestUpdate();
  #following = false;

  constructor(host: ReactiveControllerHost & Element, options: LangControllerOptions = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The locale now. */
  get locale(): string {
    return this.#options.own?.() || nearestLang(this.#host) || this.#options.fallback || 'en';
  }

  hostConnected(): void {
    if (this.#options.enabled && !this.#options.enabled()) return;
    follow(this.#onChange);
    this.#following = true;
  }

  hostDisconnected(): void {
    if (!this.#following) return;
    unfollow(this.#onChange);
    this.#following = false;
  }
}
