import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { parseOptions } from '@node-rs/argon2';
import { Browser } from '../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { issueSetupLink } from './setup-link.ts';

const owner = {
  name: 'Olga Owner',
  email: 'Olga@Example.NL',
  password: 'a long enough passphrase',
  repeat: 'a long enough passphrase',
};

describe('the one-time setup link', () => {
  let t: TestApp;
  let path: string;
  beforeEach(async () => {
    await t?.close();
    t = await startTestApp();
    path = new URL((await issueSetupLink(t.ctx))!).pathname;
  });
  after(() => t.close());

  it('creates the owner with an argon2id hash, logs them in and then works no more', async () => {
    const browser = new Browser(t.app);
    const res = await browser.submit(path, owner);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin');
    const home = await browser.get('/admin');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Olga Owner/);

    const staff = await t.db.selectFrom('staff').selectAll().executeTakeFirstOrThrow();
    assert.equal(staff.email, 'olga@example.nl');
    assert.equal(staff.role, 'owner');
    const params = parseOptions(staff.password_hash!);
    assert.ok(staff.password_hash!.startsWith('$argon2id$'));
    assert.ok(params.memoryCost >= 19456 && params.timeCost === 2 && params.parallelism === 1);

    assert.equal((await new Browser(t.app).get(path)).statusCode, 410);
    const again = await new Browser(t.app).post(path, { ...owner, _csrf: browser.lastCsrf! });
    assert.equal(again.statusCode, 403, 'a new browser has no CSRF cookie');
    const reuse = await browser.post(path, { ...owner, email: 'other@example.nl' });
    assert.equal(reuse.statusCode, 410);
    assert.equal((await t.db.selectFrom('staff').select('id').execute()).length, 1);
    assert.equal(await issueSetupLink(t.ctx), null, 'no new link once an owner exists');
  });

  it('answers an unknown or expired link with the link-invalid page', async () => {
    assert.equal((await new Browser(t.app).get('/admin/setup/not-a-token')).statusCode, 410);
    t.clock.advance({ hours: 25 });
    const res = await new Browser(t.app).get(path);
    assert.equal(res.statusCode, 410);
    assert.match(res.body, /al gebruikt of verlopen/);
  });

  it('refuses a short password or a mismatched repeat with messages tied to the fields, and keeps the link', async () => {
    const browser = new Browser(t.app);
    const res = await browser.submit(path, { ...owner, password: 'short', repeat: 'short' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /aria-describedby="password-hint password-error"/);
    assert.match(res.body, /minstens 12 tekens/);
    assert.match(res.body, /value="Olga Owner"/);
    const mismatch = await browser.post(path, { ...owner, repeat: 'something else entirely' });
    assert.equal(mismatch.statusCode, 422);
    assert.match(mismatch.body, /id="repeat-error"/);
    assert.equal((await t.db.selectFrom('staff').select('id').execute()).length, 0);
    assert.equal((await browser.post(path, owner)).statusCode, 303);
  });
});
