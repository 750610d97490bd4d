import { serve } from '@hono/node-server';

export interface Listening {
  /** The bound port (the one the OS picked when asked for port 0). */
  port: number;
  close(): Promise<void>;
}

/** Serves a fetch handler over HTTP and resolves once the socket is bound. */
export function listen(fetch: (request: Request) => Response | Promise<Response>, options: { port: number; hostname?: string }): Promise<Listening> {
  return new Promise((resolve) => {
    const http = serve({ fetch, port: options.port, ...(options.hostname ? { hostname: options.hostname } : {}) }, () => {
      const address = http.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : options.port,
        close: () => new Promise<void>((done) => http.close(() => done())),
      });
    });
  });
}
