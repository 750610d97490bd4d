import '@partnerkit/elements/define/all';

// The demo's "vendor backend" is /demo/session: it holds the secret key and mints a short-lived
// session token for the signed-in user, exactly as a vendor's own backend would.
interface DemoSession {
  token: string;
  expiresAt: string;
  user: { name: string; email: string };
  partner: { name: string };
  role: string;
}

async function getToken(): Promise<string> {
  const response = await fetch('/demo/session', { method: 'POST' });
  if (!response.ok) throw new Error(`session endpoint answered ${response.status}`);
  const session = (await response.json()) as DemoSession;
  const who = document.querySelector('#signed-in-as');
  if (who) who.textContent = `${session.user.name} · ${session.partner.name}`;
  return session.token;
}

const portal = document.querySelector('pk-portal');
if (portal) portal.getToken = getToken;
