// `npm start`: the demo portal on the reference server with seed data (run by bootstrap.mjs under Node 24).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exitOnStartupFailure } from '@partnerkit/server';
import { launchDemo } from '../examples/portal/launch.ts';

// `npm start -- --size bench` seeds an empty database with 100,000 deals instead of 700.
const { values: args } = parseArgs({ options: { size: { type: 'string', default: process.env.PARTNERKIT_SEED_SIZE ?? 'demo' } } });
if (args.size !== 'demo' && args.size !== 'bench') throw new Error(`--size must be demo or bench, not ${args.size}`);
const seedSize = args.size;

const root = new URL('..', import.meta.url).pathname;
const dataDir = join(root, '.data');
mkdirSync(dataDir, { recursive: true });

/** The environment's key, else a dev key generated once and kept beside the data it signed for. */
function secretKey(): string {
  if (process.env.PARTNERKIT_SECRET_KEY) return process.env.PARTNERKIT_SECRET_KEY;
  const file = join(dataDir, 'dev-secret-key');
  if (!existsSync(file)) writeFileSync(file, `pk_dev_${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

const started = Date.now();
const databaseUrl = process.env.DATABASE_URL;
const demo = await launchDemo({ port: Number(process.env.PORT ?? 4400), databaseUrl, dataDir: join(dataDir, 'pglite'), secretKey: secretKey(), seedSize }).catch(exitOnStartupFailure);
const keySource = process.env.PARTNERKIT_SECRET_KEY ? 'PARTNERKIT_SECRET_KEY' : '.data/dev-secret-key';

console.log(`
  Partnerkit demo portal  ${demo.url}
  API base URL            ${demo.apiUrl}
  Signed in as            ${demo.user.name} <${demo.user.email}>, ${demo.user.role} at ${demo.user.partnerName}
  Data                    ${demo.seeded ? `seeded a new database (${seedSize})` : 'reused'} ${databaseUrl ? 'at DATABASE_URL' : 'in .data/pglite (delete .data/ to start over)'}
  Ready in                ${((Date.now() - started) / 1000).toFixed(1)} s

  Mint a session token as the vendor backend would (secret key from ${keySource}):
    curl -s -X POST ${demo.apiUrl}/sessions -H "Authorization: Bearer $(cat .data/dev-secret-key)" \\
      -H 'Content-Type: application/json' \\
      -d '{"partnerId":"${demo.user.partnerId}","user":{"id":"${demo.user.externalId}","email":"${demo.user.email}","name":"${demo.user.name}"},"role":"partner_admin"}'

  Press Ctrl-C to stop.
`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await demo.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
