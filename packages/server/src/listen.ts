import { serve } from '@hono/node-server';

export interface Listening {
  /** The bound port (the one the OS picked when asked for port 0). */
  port: number;
  /**
   * Stops accepting connections and resolves once the requests in flight have been answered;
   * connections still busy after `graceMs` (default 10 s) are cut.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** Serves a fetch handler over HTTP and resolves once the socket is bound. */
export function listen(fetch: (request: Request) => Response | Promise<Response>, options: { port: number; hostname?: string }): Promise<Listening> {
  return new Promise((resolve) => {
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
  });
}
