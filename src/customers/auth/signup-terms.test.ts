import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { lastLinkTo, signInByLink } from '../../../test/helpers/customer-fixtures.ts';
import { Browser } from '../../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

const TERMS = JSON.stringify({
  kind: 'toonbank-customer-terms',
  version: 1,
  firstParty: { role: 'customer' },
  issuedAt: '2026-11-01T10:00:00Z',
  terms: { topics: { allowed: ['replenishment'] }, 'carrier-pigeon': true },
});

describe('customer terms brought at sign-up', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  async function follow(browser: Browser, email: string, terms: string) {
    await browser.get('/account/sign-in');
    const asked = await browser.post('/account/sign-in', { email, terms });
    assert.equal(asked.statusCode, 200);
    const path = await lastLinkTo(t.ctx, email);
    await browser.get(path);
    return browser.post(path, {});
  }

  async function termsRows(email: string) {
    return t.db
      .selectFrom('consent_ledger')
      .innerJoin('customers', 'customers.id', 'consent_ledger.customer_id')
      .select(['consent_ledger.source'])
      .where('customers.email', '=', email)
      .where('consent_ledger.subject', '=', 'terms')
      .execute();
  }

  it('applies the pasted terms when the link creates the account, and shows what was honoured', async () => {
    const done = await follow(new Browser(t.app), 'new@example.nl', TERMS);
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/account/terms?applied=1');
    assert.deepEqual(await termsRows('new@example.nl'), [{ source: 'signup' }]);
  });

  it('does not apply terms when the address already has an account', async () => {
    await signInByLink(new Browser(t.app), t.ctx, 'known@example.nl');
    const done = await follow(new Browser(t.app), 'known@example.nl', TERMS);
    assert.equal(done.headers.location, '/account');
    assert.deepEqual(await termsRows('known@example.nl'), []);
  });

  it('still creates the account when the JSON is not a terms document', async () => {
    const done = await follow(new Browser(t.app), 'odd@example.nl', '{"kind":"something else"}');
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/account');
    assert.ok(
      await t.db
        .selectFrom('customers')
        .select('id')
        .where('email', '=', 'odd@example.nl')
        .executeTakeFirst(),
    );
    assert.deepEqual(await termsRows('odd@example.nl'), []);
  });
});
