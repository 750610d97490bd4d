import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ReferenceServer } from '@partnerkit/server';
import { relative } from 'node:path';

/** Who the demo signs in as. */
export interface DemoUser {
  externalId: string;
  email: string;
  name: string;
  role: 'partner_user' | 'partner_admin' | 'channel_manager';
  /** Null for the channel manager, who works across partners. */
  partnerId: string | null;
  partnerName: string;
}

/** The demo's two people: a partner admin, and the vendor's channel manager (`?as=manager`). */
export interface DemoUsers {
  partner: DemoUser;
  manager: DemoUser;
}

/**
 * Strict CSP of the demo page: the components must work without inline scripts or styles, and
 * with Trusted Types enforced (only Lit's own `lit-html` policy may create HTML).
 */
export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

/**
 * The demo host: the reference API under /api, the built portal page at /, and /demo/session
 * playing the vendor's backend (it holds the secret key; the browser never sees it).
 */
export function createDemoHost(options: { server: ReferenceServer; distDir: string; users: DemoUsers }): Hono {
  const { server, users } = options;
  const host = new Hono();
  host.route('/api', server.app);
  host.post('/demo/session', async (c) => {
    // A real backend knows its user from its own sign-in; the demo lets the page pick one of two.
    const user = c.req.query('as') === 'manager' ? users.manager : users.partner;
    const answer = await server.app.request('/sessions', {
      method: 'POST',
      headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...(user.partnerId ? { partnerId: user.partnerId } : {}), user: { id: user.externalId, email: user.email, name: user.name }, role: user.role }),
    });
    if (answer.status !== 201) return c.json({ error: 'could not mint a session' }, 502);
    const session = (await answer.json()) as { token: string; expiresAt: string };
    return c.json({ ...session, user: { name: user.name, email: user.email }, partner: { name: user.partnerName }, role: user.role }, 200, { 'cache-control': 'no-store' });
  });
  host.use('*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.res.headers.set('content-security-policy', DEMO_CSP);
  });
  // serveStatic resolves `root` against the working directory.
  host.use('*', serveStatic({ root: relative(process.cwd(), options.distDir) || '.' }));
  return host;
}
