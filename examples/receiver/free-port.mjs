// Port choice shared by the example servers (website-embed, qr-landing, custom-flow, receiver), so
// that they run next to `pnpm demo` instead of stopping with EADDRINUSE (see each example's README).

/** A port the person asked for cannot be used; `message` says which variable to change. */
export class PortError extends Error {}

/**
 * Reads a port from the environment variable `name`, or `fallback` when it is unset.
 * `fixed` says the person chose it, so it is not silently replaced.
 * @param {string} name
 * @param {number} fallback
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ port: number, fixed: boolean }}
 */
export function portFrom(name, fallback, env = process.env) {
  const text = env[name];
  if (text === undefined || text.trim() === '') return { port: fallback, fixed: false };
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new PortError(`${name}=${text} is not a port number (0 to 65535; 0 picks a free port).`);
  }
  return { port, fixed: true };
}

/**
 * Runs `start(port)`. When the default port is taken, runs it again on a free port (0) and says so;
 * when the person chose the port, rejects with a {@link PortError} naming the variable.
 * @template T
 * @param {{ port: number, fixed: boolean }} choice
 * @param {string} name the environment variable, for the message
 * @param {(port: number) => Promise<T>} start
 * @param {(line: string) => void} [log]
 * @returns {Promise<T>}
 */
export async function onPort({ port, fixed }, name, start, log = console.log) {
  try {
    return await start(port);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error)?.code !== 'EADDRINUSE') throw error;
    if (fixed) throw new PortError(`${name}=${port}: the port is in use. Pick another one, or ${name}=0 for any free port.`);
    log(`Port ${port} is in use (is the demo running?); using a free port instead. Set ${name} to choose one.`);
    return start(0);
  }
}

/**
 * Prints a {@link PortError}'s message without a stack trace and exits with 1; rethrows anything else.
 * @param {unknown} error
 * @returns {never}
 */
export function exitOnPortError(error) {
  if (error instanceof PortError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
