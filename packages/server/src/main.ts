// Standalone reference server: `node packages/server/src/main.ts` (Node 22+).
import { parseArgs } from 'node:util';
import { startReferenceServer } from './start.ts';
import { listen } from './listen.ts';

// `--size bench` seeds an empty database with 100,000 deals instead of 700.
const { values: args } = parseArgs({ options: { size: { type: 'string', default: process.env.PARTNERKIT_SEED_SIZE ?? 'demo' } } });
if (args.size !== 'demo' && args.size !== 'bench') {
  console.error(`--size must be demo or bench, not ${args.size}`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 4400);
const secretKey = process.env.PARTNERKIT_SECRET_KEY;
if (!secretKey) {
  console.error('PARTNERKIT_SECRET_KEY is required (at least 24 characters).');
  process.exit(1);
}
const server = await startReferenceServer({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.PARTNERKIT_DATA_DIR ?? '.data/pglite',
  secretKey,
  seed: { size: args.size },
});
const http = await listen(server.app.fetch, { port });
console.log(JSON.stringify({ level: 'info', msg: 'listening', port: http.port }));

async function shutdown(): Promise<void> {
  await http.close();
  await server.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
