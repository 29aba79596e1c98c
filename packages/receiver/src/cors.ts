/**
 * Which browser origins may post to a receiver: `'*'` for any, a list of origins
 * (`'https://www.example.com'`, scheme and host, and the port if not the default), or a function
 * deciding for each origin (e.g. every subdomain of a company).
 */
export type AllowedOrigins = '*' | readonly string[] | ((origin: string) => boolean);

/** Normalizes an origin the way browsers serialize it; `undefined` for anything that is not one. */
function normalizeOrigin(origin: string): string | undefined {
  if (origin === 'null') return origin;
  try {
    const url = new URL(origin);
    return url.origin === 'null' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

/** An origin written in the options; `undefined` when it has a path, query, credentials or no scheme. */
function configuredOrigin(entry: unknown): string | undefined {
  if (typeof entry !== 'string') return undefined;
  if (entry === 'null') return entry;
  try {
    const url = new URL(entry);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return bare && url.origin !== 'null' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns the `allowedOrigins` option into a predicate. Throws for entries that are not origins
 * (a programmer's mistake, e.g. `'example.com'` without its scheme, or a path after the host).
 */
export function originPolicy(allowed: AllowedOrigins): (origin: string) => boolean {
  if (allowed === '*') return () => true;
  if (typeof allowed === 'function') return allowed;
  if (!Array.isArray(allowed)) {
    throw new TypeError(`createHandler: allowedOrigins must be '*', an array of origins or a function, got ${JSON.stringify(allowed)}`);
  }
  const origins = new Set<string>();
  for (const entry of allowed as readonly unknown[]) {
    const origin = configuredOrigin(entry);
    if (!origin) {
      throw new TypeError(
        `createHandler: allowedOrigins entry ${JSON.stringify(entry)} is not an origin; write it as scheme://host[:port], e.g. "https://www.example.com"`,
      );
    }
    origins.add(origin);
  }
  return (origin) => {
    const normalized = normalizeOrigin(origin);
    return normalized !== undefined && origins.has(normalized);
  };
}

/** Request headers a browser may send to the receiver: what the Intake client sends in the `json` format. */
export const defaultAllowedHeaders: readonly string[] = ['content-type', 'idempotency-key'];

/** How long browsers may cache a preflight answer, in seconds (Chromium caps it at 7200). */
export const preflightMaxAgeSeconds = 7200;
