// The reference server as a conformance target: fresh embedded database, seeded, served over HTTP on loopback.
import { createApp, generateSeed, listen, loadSeed, migrate, openPglite } from '@partnerkit/server';
import type { Target } from './suite.ts';

export interface ReferenceTarget extends Target {
  /** The app itself, for wrapping its fetch in tests. */
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

export async function startReferenceTarget(): Promise<ReferenceTarget> {
  const db = await openPglite();
  await migrate(db);
  await loadSeed(db, generateSeed({ size: 50 }));
  const secretKey = `pk_conformance_${crypto.randomUUID()}`;
  const app = createApp({ db, secrets: [secretKey], logger: () => {} });
  const server = await listen(app.fetch, { port: 0, hostname: '127.0.0.1' });
  return {
    app,
    baseUrl: `http://127.0.0.1:${server.port}`,
    secretKey,
    async close() {
      await server.close();
      await db.close();
    },
  };
}
