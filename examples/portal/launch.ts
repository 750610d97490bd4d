import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { listen, startReferenceServer } from '@partnerkit/server';
import { createDemoHost, type DemoUser, type DemoUsers } from './host.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

export interface DemoOptions {
  /** Seed size for an empty database: `demo` (700 deals, default) or `bench` (100,000). */
  seedSize?: 'demo' | 'bench';
  /** 0 picks a free port. */
  port: number;
  /** PostgreSQL connection URL; the embedded database when omitted. */
  databaseUrl?: string | undefined;
  /** Embedded database folder; in memory when omitted. */
  dataDir?: string;
  secretKey?: string;
  /** Build the page with Vite first; by default unless `PK_DEMO_BUILT=1` says it is built already (`npm test` builds it once for every journey). */
  build?: boolean;
  /** Quiet the server's request log (tests). */
  quiet?: boolean;
}

export interface RunningDemo {
  url: string;
  apiUrl: string;
  /** The partner admin the page signs in as by default. */
  user: DemoUser;
  /** The channel manager (`?as=manager`). */
  manager: DemoUser;
  secretKey: string;
  seeded: boolean;
  close(): Promise<void>;
}

/** Builds the demo page, starts the reference server with seed data, and serves both on one port. */
export async function launchDemo(options: DemoOptions): Promise<RunningDemo> {
  if (options.build ?? process.env.PK_DEMO_BUILT !== '1') await build({ configFile: `${here}vite.config.ts` });
  const server = await startReferenceServer({
    databaseUrl: options.databaseUrl,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.secretKey ? { secretKey: options.secretKey } : {}),
    seed: { size: options.seedSize ?? 'demo' },
    ...(options.quiet ? { logger: () => {} } : {}),
  });
  // The demo signs in as the admin of the alphabetically first seeded partner.
  const [row] = await server.db.query<{ external_id: string; email: string; name: string; partner_id: string; partner_name: string }>(
    `SELECT u.external_id, u.email, u.name, u.partner_id, p.name AS partner_name
       FROM users u JOIN partners p ON p.id = u.partner_id
      WHERE u.role = 'partner_admin' AND u.external_id LIKE 'demo-%'
      ORDER BY p.created_at, p.name LIMIT 1`,
  );
  if (!row) throw new Error('the database has no demo partner admin');
  const user: DemoUser = { externalId: row.external_id, email: row.email, name: row.name, role: 'partner_admin', partnerId: row.partner_id, partnerName: row.partner_name };
  const [managerRow] = await server.db.query<{ external_id: string; email: string; name: string }>(
    "SELECT external_id, email, name FROM users WHERE role = 'channel_manager' AND external_id LIKE 'demo-%' ORDER BY external_id LIMIT 1",
  );
  if (!managerRow) throw new Error('the database has no demo channel manager');
  const manager: DemoUser = { externalId: managerRow.external_id, email: managerRow.email, name: managerRow.name, role: 'channel_manager', partnerId: null, partnerName: 'Acme Networks' };
  const users: DemoUsers = { partner: user, manager };
  const host = createDemoHost({ server, distDir: `${here}dist`, users });
  const http = await listen(host.fetch, { port: options.port, hostname: '127.0.0.1' });
  const url = `http://localhost:${http.port}/`;
  return {
    url,
    apiUrl: `${url}api`,
    user,
    manager,
    secretKey: server.secretKey,
    seeded: server.seeded,
    async close() {
      await http.close();
      await server.close();
    },
  };
}
