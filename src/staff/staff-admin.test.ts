import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser, createStaff, signedIn, TEST_PASSWORD } from '../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';

function inviteLink(html: string): string {
  const url =
    /id="invite-link"[^>]*value="([^"]+)"/.exec(html)?.[1] ??
    /value="([^"]+)"[^>]*id="invite-link"/.exec(html)?.[1];
  assert.ok(url, 'the page shows the invitation link');
  return new URL(url).pathname;
}

describe('staff management', () => {
  let t: TestApp;
  let owner: Browser;
  let ownerId: string;
  before(async () => {
    t = await startTestApp();
    ownerId = await createStaff(t.db, { email: 'owner@example.nl', name: 'Olga' });
    await createStaff(t.db, { email: 'sam@example.nl', role: 'staff', name: 'Sam' });
    owner = await signedIn(t.app, 'owner@example.nl');
  });
  after(() => t.close());

  it('does not let a staff member see or invite staff', async () => {
    const sam = await signedIn(t.app, 'sam@example.nl');
    assert.equal((await sam.get('/admin/staff')).statusCode, 403);
    await sam.get('/admin');
    const res = await sam.post('/admin/staff/invite', { email: 'new@example.nl', role: 'owner' });
    assert.equal(res.statusCode, 403);
    assert.equal(
      await t.db.selectFrom('staff').select('id').where('email', '=', 'new@example.nl').executeTakeFirst(),
      undefined,
    );
    assert.doesNotMatch((await sam.get('/admin')).body, /href="\/admin\/staff"/);
  });

  it('creates an invitation link that says to pass it on, and that works exactly once', async () => {
    const res = await owner.submit(
      '/admin/staff',
      { name: '', email: 'Nina@Example.nl', role: 'staff' },
      '/admin/staff/invite',
    );
    assert.equal(res.statusCode, 201);
    assert.match(res.body, /kopieer deze link en stuur hem zelf/);
    const path = inviteLink(res.body);

    const invitee = new Browser(t.app);
    const form = await invitee.get(path);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /nina@example\.nl/);
    const accepted = await invitee.post(path, {
      name: 'Nina',
      password: 'nina her passphrase',
      repeat: 'nina her passphrase',
    });
    assert.equal(accepted.statusCode, 303);
    assert.equal((await invitee.get('/admin')).statusCode, 200);

    assert.equal((await new Browser(t.app).get(path)).statusCode, 410);
    const again = await invitee.post(path, {
      name: 'Mallory',
      password: 'another passphrase',
      repeat: 'another passphrase',
    });
    assert.equal(again.statusCode, 410);
    const nina = await t.db
      .selectFrom('staff')
      .selectAll()
      .where('email', '=', 'nina@example.nl')
      .executeTakeFirstOrThrow();
    assert.equal(nina.name, 'Nina');
    assert.equal(nina.role, 'staff');
    assert.equal(
      (await signedIn(t.app, 'nina@example.nl', 'nina her passphrase')).cookies.has('tb_staff'),
      true,
    );
  });

  it('refuses to invite an address that already has an account', async () => {
    const res = await owner.submit(
      '/admin/staff',
      { email: 'sam@example.nl', role: 'staff' },
      '/admin/staff/invite',
    );
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /aria-describedby="invite-email-error"/);
  });

  it('ends the sessions of a disabled staff member and keeps them out until enabled again', async () => {
    const id = await createStaff(t.db, { email: 'dirk@example.nl', role: 'staff' });
    const dirk = await signedIn(t.app, 'dirk@example.nl');
    assert.equal((await dirk.get('/admin')).statusCode, 200);

    await owner.get('/admin/staff');
    assert.equal((await owner.post(`/admin/staff/${id}/disable`, {})).statusCode, 303);
    assert.equal((await dirk.get('/admin')).statusCode, 303);
    assert.equal(
      (await t.db.selectFrom('staff_sessions').select('id_hash').where('staff_id', '=', id).execute()).length,
      0,
    );
    const refused = await new Browser(t.app).submit('/admin/login', {
      email: 'dirk@example.nl',
      password: TEST_PASSWORD,
    });
    assert.equal(refused.statusCode, 401);

    assert.equal((await owner.post(`/admin/staff/${id}/enable`, {})).statusCode, 303);
    assert.equal(
      (await new Browser(t.app).submit('/admin/login', { email: 'dirk@example.nl', password: TEST_PASSWORD }))
        .statusCode,
      303,
    );
  });

  it('does not disable the last active owner', async () => {
    await owner.get('/admin/staff');
    const res = await owner.post(`/admin/staff/${ownerId}/disable`, {});
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /laatste actieve eigenaar/);
    assert.equal((await owner.get('/admin')).statusCode, 200);
  });
});
