import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createStaff, signedIn } from '../../../test/helpers/forms.ts';
import { type Person, seedCustomer } from '../../../test/helpers/privacy-fixtures.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { defaultPreferences } from '../../preferences/preferences.ts';
import { translator } from '../../web/i18n/messages.ts';
import { preferencesInWords } from './preferences-in-words.ts';

const ZOE: Person = {
  email: 'zoe.staffview@example.nl',
  name: 'Zoë Kijkje',
  phone: '+31 6 1111 2222',
  street: 'Kijkweg',
};
const MAX: Person = {
  email: 'max.staffview@example.nl',
  name: 'Max Huisgenoot',
  phone: '+31 6 3333 4444',
  street: 'Kijkweg',
};

describe('what the customer allows, in plain words', () => {
  it('says channels, topics, how often, quiet hours and language, in both languages', () => {
    const prefs = defaultPreferences('nl', 'Europe/Amsterdam');
    prefs.topics.replenishment = 'on';
    prefs.frequency = { max: 2, per: 'month' };
    prefs.quiet.hours = { from: '21:00', to: '08:00' };
    assert.equal(
      preferencesInWords(prefs, translator('en'), 'en').join(' '),
      'E-mail only. Topics: order updates; replenishment reminders. At most 2 a month. Quiet 21:00–08:00 Europe/Amsterdam. Language: Dutch.',
    );
    prefs.channels.enabled.sms = true;
    prefs.channels.order = ['sms', 'email', 'push', 'post'];
    prefs.topics['new-for-my-appliances'] = 'soft-opt-in';
    prefs.frequency = null;
    prefs.quiet = { hours: null, days: [7, 6] };
    assert.equal(
      preferencesInWords(prefs, translator('nl'), 'nl').join(' '),
      'Kanalen, op volgorde: Sms, E-mail. Onderwerpen: bestel- en bezorgberichten; bijbestelherinneringen; nieuwe producten voor de apparaten (soft opt-in na een aankoop). Geen grens aan hoe vaak. Stille dagen: zaterdag, zondag. Taal: Nederlands.',
    );
  });
});

describe('the staff view of a customer', () => {
  let t: TestApp;
  let zoe: { id: string; orderNumbers: string[] };
  before(async () => {
    t = await startTestApp();
    await createStaff(t.db, { email: 'owner@shop.test', name: 'Olga Owner' });
    const max = await seedCustomer(t, MAX);
    zoe = await seedCustomer(t, ZOE, { householdWith: max.id });
  });
  after(() => t.close());

  it('is only for staff', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/admin/customers' });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/admin\/login/);
  });

  it('finds customers by part of the e-mail address or the name, in any case', async () => {
    const staff = await signedIn(t.app, 'owner@shop.test');
    const all = await staff.get('/admin/customers?lang=en');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /2 customer\(s\)/);
    assert.match(all.body, /href="\/admin\/customers"/, 'the admin menu links the list');
    const byName = await staff.get(`/admin/customers?lang=en&q=${encodeURIComponent('KIJKJE')}`);
    assert.match(byName.body, /1 customer\(s\)/);
    assert.ok(byName.body.includes(ZOE.email) && !byName.body.includes(MAX.email));
    const byEmail = await staff.get('/admin/customers?lang=en&q=max.staff');
    assert.ok(byEmail.body.includes(MAX.email) && !byEmail.body.includes(ZOE.email));
    const none = await staff.get('/admin/customers?lang=en&q=nobody-at-all');
    assert.match(none.body, /No customers found/);
  });

  it('shows orders, appliances, household, the ledger and what the customer allows; an unknown id is 404', async () => {
    const staff = await signedIn(t.app, 'owner@shop.test');
    const page = await staff.get(`/admin/customers/${zoe.id}?lang=en`);
    assert.equal(page.statusCode, 200);
    const body = page.body;
    for (const n of zoe.orderNumbers) assert.ok(body.includes(n), `order ${n}`);
    assert.ok(body.includes('Privabrand PV1000/01'), 'the appliance');
    assert.ok(body.includes('serial SN-4711'));
    assert.ok(body.includes(`${MAX.name} (${MAX.email})`), 'the other household member');
    assert.ok(body.includes('topics.replenishment'), 'the ledger');
    assert.ok(
      body.includes(
        'E-mail only. Topics: order updates; replenishment reminders. At most 2 a month. Quiet 21:00–08:00 Europe/Amsterdam.',
      ),
      'the preferences in plain words',
    );
    assert.ok(!body.includes('<form method="post" action="/admin/customers'), 'no silent change form');
    assert.ok(
      body.includes(`href="/admin/customers/${zoe.id}/messages"`),
      'the way to their messages, and why',
    );
    assert.equal((await staff.get(`/admin/customers/${zoe.id}/messages?lang=en`)).statusCode, 200);
    assert.equal((await staff.get('/admin/customers/no-such-id?lang=en')).statusCode, 404);
  });
});
