/** The content-hashed names of the data files beside the script, written in by the build. */
declare const __INTAKE_DATA_FILES__: { readonly phone: string; readonly sha256: string; readonly region: string; readonly schemaMessages: string };

/**
 * Where the data files are: beside the script itself. Read while the script first runs, when
 * `document.currentScript` is this script (`intake.js`); an ES module (`intake.mjs`) has
 * `import.meta.url` instead. A page needs nothing but the one script tag.
 */
const current = typeof document === 'undefined' ? null : document.currentScript;
const base = current instanceof HTMLScriptElement && current.src ? current.src : import.meta.url;

/**
 * The script-tag build's importers (see `@intake/elements`' `data/data-files.ts`, which this
 * module replaces): each imports its content-hashed ES module from beside the script, which the
 * strict CSP (`script-src 'self'`) allows when the script is served from the page's origin.
 */
export const importers: { readonly phone: () => Promise<unknown>; readonly region: () => Promise<unknown>; readonly schemaMessages: () => Promise<unknown>; readonly sha256: (attempt?: number) => Promise<unknown> } = {
  phone: () => import(/* @vite-ignore */ new URL(__INTAKE_DATA_FILES__.phone, base).href),
  region: () => import(/* @vite-ignore */ new URL(__INTAKE_DATA_FILES__.region, base).href),
  schemaMessages: () => import(/* @vite-ignore */ new URL(__INTAKE_DATA_FILES__.schemaMessages, base).href),
  // A later attempt asks again under another URL: a browser keeps a failed module import failed.
  sha256: (attempt = 0) => import(/* @vite-ignore */ new URL(__INTAKE_DATA_FILES__.sha256 + (attempt ? `?attempt=${attempt}` : ''), base).href),
};
