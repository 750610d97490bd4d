import '@partnerkit/elements/define/all';
import type { PkDealDetail, PkDealRegistration } from '@partnerkit/elements';

// The demo's "vendor backend" is /demo/session: it holds the secret key and mints a short-lived
// session token for the signed-in user, exactly as a vendor's own backend would. `?as=manager`
// signs in as the vendor's channel manager instead of the partner admin.
interface DemoSession {
  token: string;
  expiresAt: string;
  user: { name: string; email: string };
  partner: { name: string };
  role: string;
}

const persona = new URLSearchParams(location.search).get('as') === 'manager' ? 'manager' : 'partner';

async function getToken(): Promise<string> {
  const response = await fetch(`/demo/session?as=${persona}`, { method: 'POST' });
  if (!response.ok) throw new Error(`session endpoint answered ${response.status}`);
  const session = (await response.json()) as DemoSession;
  const who = document.querySelector('#signed-in-as');
  if (who) who.textContent = `${session.user.name} · ${session.partner.name}`;
  return session.token;
}

const portal = document.querySelector('pk-portal');
if (portal) portal.getToken = getToken;
document.querySelector<HTMLElement>(`#${persona}-view`)?.removeAttribute('hidden');

// The host page wires the components together: a deal opened in the list shows in the detail
// below it, and "Edit" in the detail opens the deal in a registration form of its own in the
// detail's place. Lists and details refresh themselves after a change made in any of them (they
// show data tagged `deals` and `deal:<id>`).
const list = document.querySelector('pk-deal-list');
const detail = document.querySelector<PkDealDetail>('#partner-view pk-deal-detail');
let editor: PkDealRegistration | undefined;
const closeEditor = () => {
  editor?.remove();
  editor = undefined;
};
list?.addEventListener('pk-deal-selected', (event) => {
  if (!detail) return;
  closeEditor();
  detail.dealId = event.detail.deal.id;
  detail.hidden = false;
  detail.scrollIntoView({ block: 'nearest' });
});
detail?.addEventListener('pk-deal-edit', (event) => {
  // A new element per edit: it starts from the deal as it is now, never from an earlier edit's screen.
  closeEditor();
  editor = document.createElement('pk-deal-registration');
  editor.dealId = event.detail.deal.id;
  detail.after(editor);
  detail.hidden = true;
  editor.scrollIntoView({ block: 'nearest' });
});
