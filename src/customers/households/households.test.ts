import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { householdOf } from '../../../test/helpers/customer-fixtures.ts';
import { Browser } from '../../../test/helpers/forms.ts';
import { addCustomer, signedInCustomer } from '../../../test/helpers/signed-in-customer.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { householdMemberIds } from './members.ts';

/** The invitation link in the last household invitation to `to` (kept in the development outbox). */
async function invitationPath(t: TestApp, to: string): Promise<string> {
  const mail = await t.db
    .selectFrom('outbox_messages')
    .select(['text_body', 'subject', 'topic'])
    .where('to_address', '=', to)
    .where('template', '=', 'household-invite')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.equal(mail.topic, 'transactional');
  const link = /https?:\/\/\S+\/account\/household\/join\?token=[\w-]{43}/.exec(mail.text_body)?.[0];
  assert.ok(link, `an invitation link in: ${mail.text_body}`);
  return new URL(link).pathname + new URL(link).search;
}

describe('households when the mail server is down', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ smtpUrl: 'smtp://127.0.0.1:9' });
  });
  after(() => t.close());

  it('says the invitation was not sent, and withdraws its link', async () => {
    const kim = await addCustomer(t.ctx, 'kim@example.nl');
    const k = await signedInCustomer(t.app, t.ctx, kim);
    await k.get('/account/household?lang=en');
    const res = await k.post('/account/household/invitations', { email: 'lou@example.nl' });
    assert.equal(res.statusCode, 503);
    assert.match(res.body, /We could not send the e-mail just now/);
    const links = await t.db
      .selectFrom('customer_links')
      .select('used_at')
      .where('email', '=', 'lou@example.nl')
      .execute();
    assert.equal(links.length, 1);
    assert.ok(links[0]!.used_at, 'the unsent link cannot be used');
    assert.doesNotMatch((await k.get('/account/household?lang=en')).body, /lou@example\.nl/);
  });
});

describe('households', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('invites by e-mail; the invitee signs in, accepts once, and both then share one household', async () => {
    const anne = await addCustomer(t.ctx, 'anne@example.nl', 'Anne');
    const bram = await addCustomer(t.ctx, 'bram@example.nl', 'Bram');
    const a = await signedInCustomer(t.app, t.ctx, anne);
    await a.get('/account/household?lang=en');
    const sent = await a.post('/account/household/invitations', { email: ' Bram@Example.nl ' });
    assert.equal(sent.statusCode, 303);
    const page = await a.get(sent.headers.location as string);
    assert.match(page.body, /The invitation has been sent to Bram@Example\.nl\./);
    assert.match(page.body, /bram@example\.nl, valid until 7 December/);
    const path = await invitationPath(t, 'bram@example.nl');

    // not signed in: to the sign-in page, which comes back here
    const guest = await new Browser(t.app).get(path);
    assert.equal(guest.statusCode, 303);
    assert.equal(guest.headers.location, `/account/sign-in?next=${encodeURIComponent(path)}`);

    const b = await signedInCustomer(t.app, t.ctx, bram);
    const invitation = await b.get(`${path}&lang=en`);
    assert.equal(invitation.statusCode, 200);
    assert.match(invitation.body, /Anne \(anne@example\.nl\) invites you to their household/);
    const token = new URL(path, 'http://x').searchParams.get('token')!;
    const accepted = await b.post('/account/household/join', { token, answer: 'accept' });
    assert.equal(accepted.statusCode, 303);
    assert.equal(accepted.headers.location, '/account/household?done=joined');
    const household = await householdOf(t, anne);
    assert.ok(household);
    assert.equal(await householdOf(t, bram), household);
    assert.deepEqual((await householdMemberIds(t.ctx, bram)).sort(), [anne, bram].sort());

    // single use
    const again = await b.post('/account/household/join', { token, answer: 'accept' });
    assert.equal(again.statusCode, 410);
    const view = await b.get('/account/household?lang=en');
    assert.match(view.body, /Anne · anne@example\.nl \(started the household\)/);
    assert.match(view.body, /Bram · bram@example\.nl \(you\)/);
    assert.doesNotMatch(view.body, /Remove from the household/, 'only the creator removes');
  });

  it('refuses the invitation to another address, an expired one, and bad or own addresses', async () => {
    const carla = await addCustomer(t.ctx, 'carla@example.nl');
    const dirk = await addCustomer(t.ctx, 'dirk@example.nl');
    const eve = await addCustomer(t.ctx, 'eve@example.nl');
    const c = await signedInCustomer(t.app, t.ctx, carla);
    await c.get('/account/household?lang=en');
    const bad = await c.post('/account/household/invitations', { email: 'not-an-address' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Enter a valid e-mail address/);
    const self = await c.post('/account/household/invitations', { email: 'CARLA@example.nl' });
    assert.equal(self.statusCode, 422);
    assert.match(self.body, /This is your own address\./);

    await c.post('/account/household/invitations', { email: 'dirk@example.nl' });
    const path = await invitationPath(t, 'dirk@example.nl');
    const e = await signedInCustomer(t.app, t.ctx, eve);
    const wrong = await e.get(`${path}&lang=en`);
    assert.equal(wrong.statusCode, 403);
    assert.match(wrong.body, /This invitation was sent to another e-mail address/);

    const d = await signedInCustomer(t.app, t.ctx, dirk);
    t.clock.advance({ hours: 7 * 24 + 1 });
    try {
      const late = await d.get(path);
      assert.equal(late.statusCode, 410);
    } finally {
      t.clock.advance({ hours: -(7 * 24 + 1) });
    }
    assert.equal(await householdOf(t, dirk), null);
  });

  it('declines; a member in a shared household must leave it first; members leave; the creator removes', async () => {
    const fien = await addCustomer(t.ctx, 'fien@example.nl');
    const gijs = await addCustomer(t.ctx, 'gijs@example.nl');
    const hans = await addCustomer(t.ctx, 'hans@example.nl');
    const ida = await addCustomer(t.ctx, 'ida@example.nl');
    const f = await signedInCustomer(t.app, t.ctx, fien);
    const g = await signedInCustomer(t.app, t.ctx, gijs);
    const h = await signedInCustomer(t.app, t.ctx, hans);
    const i = await signedInCustomer(t.app, t.ctx, ida);
    const join = async (inviter: Browser, invitee: Browser, email: string, answer: 'accept' | 'decline') => {
      await inviter.get('/account/household');
      await inviter.post('/account/household/invitations', { email });
      const path = await invitationPath(t, email);
      await invitee.get(path);
      const token = new URL(path, 'http://x').searchParams.get('token')!;
      return invitee.post('/account/household/join', { token, answer });
    };
    const declined = await join(f, g, 'gijs@example.nl', 'decline');
    assert.equal(declined.headers.location, '/account/household?done=declined');
    assert.equal(await householdOf(t, gijs), null);

    await join(f, g, 'gijs@example.nl', 'accept');
    await join(h, i, 'ida@example.nl', 'accept');
    // Gijs shares Fien's household; Hans invites him too: one household at a time
    await h.get('/account/household');
    await h.post('/account/household/invitations', { email: 'gijs@example.nl' });
    const path = await invitationPath(t, 'gijs@example.nl');
    const page = await g.get(`${path}&lang=en`);
    assert.match(page.body, /Leave it first, then you can accept this invitation\./);
    const token = new URL(path, 'http://x').searchParams.get('token')!;
    const refused = await g.post('/account/household/join', { token, answer: 'accept' });
    assert.equal(refused.statusCode, 409);
    assert.equal(await householdOf(t, gijs), await householdOf(t, fien));

    // Ida is not the creator: she cannot remove Hans; Hans removes Ida
    await i.get('/account/household');
    const notCreator = await i.post(`/account/household/members/${hans}/remove`, {});
    assert.equal(notCreator.statusCode, 403);
    await h.get('/account/household');
    const removed = await h.post(`/account/household/members/${ida}/remove`, {});
    assert.equal(removed.headers.location, '/account/household?done=removed');
    assert.equal(await householdOf(t, ida), null);
    const outsider = await h.post(`/account/household/members/${gijs}/remove`, {});
    assert.equal(outsider.statusCode, 404, 'not a member of this household');

    // the creator leaves: Gijs stays and takes the creator's role; when he leaves too, the household ends
    const household = (await householdOf(t, fien))!;
    await f.get('/account/household');
    assert.equal(
      (await f.post('/account/household/leave', {})).headers.location,
      '/account/household?done=left',
    );
    assert.equal(await householdOf(t, fien), null);
    const row = await t.db
      .selectFrom('households')
      .select('created_by')
      .where('id', '=', household)
      .executeTakeFirst();
    assert.equal(row?.created_by, gijs);
    await g.get('/account/household');
    await g.post('/account/household/leave', {});
    assert.equal(
      await t.db.selectFrom('households').select('id').where('id', '=', household).executeTakeFirst(),
      undefined,
    );
  });

  it('sends at most 10 invitations a day per customer', async () => {
    const jan = await addCustomer(t.ctx, 'jan@example.nl');
    const j = await signedInCustomer(t.app, t.ctx, jan);
    for (let n = 0; n < 10; n++) {
      await j.get('/account/household');
      assert.equal(
        (await j.post('/account/household/invitations', { email: `friend${n}@example.nl` })).statusCode,
        303,
      );
    }
    await j.get('/account/household?lang=en');
    const refused = await j.post('/account/household/invitations', { email: 'friend10@example.nl' });
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /You have sent many invitations today already/);
  });

  it('sends guests to sign in and refuses their posts', async () => {
    const guest = new Browser(t.app);
    const page = await guest.get('/account/household');
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, '/account/sign-in?next=%2Faccount%2Fhousehold');
    await guest.get('/lookup?q=nothing-like-this'); // a page with a form, for the CSRF token
    assert.ok(guest.lastCsrf);
    const post = await guest.post('/account/household/leave', {});
    assert.equal(post.statusCode, 401);
  });
});
