// Standalone reference server: `node packages/server/src/main.ts` (Node 22+).
import { parseArgs } from 'node:util';
import { startReferenceServer } from './start.ts';
import { checkPortFree, listen } from './listen.ts';
import { StartupError, exitOnStartupFailure, requireSecretKey } from './startup-errors.ts';

async function main(): Promise<void> {
  // `--size bench` seeds an empty database with the benchmark data set instead of the demo one.
  const { values: args } = parseArgs({ options: { size: { type: 'string', default: process.env.PARTNERKIT_SEED_SIZE ?? 'demo' } } });
  if (args.size !== 'demo' && args.size !== 'bench') throw new StartupError(`--size must be demo or bench, not ${args.size}: pass one of them.`);
  const port = Number(process.env.PORT ?? 4400);
  const secretKey = requireSecretKey(process.env.PARTNERKIT_SECRET_KEY);
  await checkPortFree(port);
  const server = await startReferenceServer({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.PARTNERKIT_DATA_DIR ?? '.data/pglite',
    secretKey,
    seed: { size: args.size },
  });
  const http = await listen(server.app.fetch, { port }).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  console.log(JSON.stringify({ level: 'info', msg: 'listening', port: http.port }));

  async function shutdown(): Promise<void> {
    await http.close();
    await server.close();
    process.exit(0);
  }
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

// Whatever stops the start is one line on stderr and exit code 1 (stacks with DEBUG=partnerkit).
await main().catch(exitOnStartupFailure);
