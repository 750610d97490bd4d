import { createServer } from 'node:net';
import { serve } from '@hono/node-server';
import { portStartupError } from './startup-errors.ts';

export interface Listening {
  /** The bound port (the one the OS picked when asked for port 0). */
  port: number;
  /**
   * Stops accepting connections and resolves once the requests in flight have been answered;
   * connections still busy after `graceMs` (default 10 s) are cut.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** Serves a fetch handler over HTTP and resolves once the socket is bound; rejects with a StartupError when it cannot be. */
export function listen(fetch: (request: Request) => Response | Promise<Response>, options: { port: number; hostname?: string }): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const http = serve({ fetch, port: options.port, ...(options.hostname ? { hostname: options.hostname } : {}) }, () => {
      const address = http.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : options.port,
        close: ({ graceMs = 10_000 } = {}) =>
          new Promise<void>((done) => {
            const cut = setTimeout(() => 'closeAllConnections' in http && http.closeAllConnections(), graceMs);
            // close() refuses new connections, closes idle keep-alive ones, and calls back when the busy ones end.
            http.close(() => {
              clearTimeout(cut);
              done();
            });
          }),
      });
    });
    // Emitted instead of the listening callback when the port is taken or forbidden.
    http.once('error', (error) => reject(portStartupError(error, options.port)));
  });
}

/**
 * Fails fast, before a slow database start, when the port is already taken; `listen` remains
 * the authority (another process may take the port in between).
 */
export function checkPortFree(port: number, hostname?: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(portStartupError(error, port)));
    probe.listen({ port, ...(hostname ? { host: hostname } : {}) }, () => probe.close(() => resolve()));
  });
}
