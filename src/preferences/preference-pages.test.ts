import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signedInCustomer } from '../../test/helpers/preference-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { loadLedger } from './consent-ledger.ts';
import { changePreferences, loadPreferences } from './preference-store.ts';
import { grantSoftOptIn } from './soft-opt-in.ts';

/** The form as a browser would send it for the page as rendered: every field with its current value. */
function formOf(html: string): Record<string, string> {
  const form = html.slice(html.indexOf('action="/account/preferences"'));
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? '';
    if (!name) continue;
    const type = /type="([^"]+)"/.exec(attrs)?.[1] ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/.test(attrs)) continue;
    fields[name] = value.replaceAll('&amp;', '&');
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    fields[m[1]!] = /<option[^>]*value="([^"]+)"[^>]*selected/.exec(m[2]!)?.[1] ?? '';
  }
  return fields;
}

describe('preference centre pages', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('sends a visitor without a session to sign in, and back afterwards', async () => {
    for (const url of ['/account/preferences', '/account/preferences/history', '/account/terms']) {
      const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/account/sign-in?next=${encodeURIComponent(url)}`);
    }
  });

  it('ticks nothing in advance but the e-mail channel, in both languages', async () => {
    const { browser } = await signedInCustomer(t);
    for (const [lang, words] of [
      ['nl', /Aanbiedingen[\s\S]*Stille uren[\s\S]*Taal/],
      ['en', /Offers[\s\S]*Quiet hours[\s\S]*Language/],
    ] as const) {
      const page = await browser.get(`/account/preferences?lang=${lang}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, words);
      const form = formOf(page.body);
      assert.deepEqual(
        Object.keys(form).filter(
          (k) =>
            k.startsWith('topic_') ||
            k.startsWith('channel_') ||
            k === 'quiet_on' ||
            k.startsWith('quiet_day'),
        ),
        ['channel_email'],
      );
    }
  });

  it('saves the form and shows what changed, recorded as the preference centre', async () => {
    const { id, browser } = await signedInCustomer(t);
    const page = await browser.get('/account/preferences?lang=en');
    const saved = await browser.post('/account/preferences', {
      ...formOf(page.body),
      topic_offers: 'on',
      channel_sms: 'on',
      quiet_on: 'on',
      quiet_from: '22:00',
      quiet_to: '07:00',
    });
    assert.equal(saved.statusCode, 303, saved.body);
    const after = await browser.get(String(saved.headers.location));
    assert.match(after.body, /Saved\. This is what changed:/);
    assert.match(after.body, /You turned on Offers/);
    assert.match(after.body, /You turned on SMS/);
    assert.match(after.body, /You set quiet hours to 22:00–07:00/);
    const rows = await loadLedger(t.ctx, id);
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.source === 'preference-centre' && r.wording_version === 'prefs-v1'));
  });

  it('moves a channel up with a button, without JavaScript', async () => {
    const { id, browser } = await signedInCustomer(t);
    const page = await browser.get('/account/preferences');
    assert.match(page.body, /aria-label="Sms hoger"/);
    const res = await browser.post('/account/preferences', { ...formOf(page.body), move: 'sms:up' });
    assert.equal(res.statusCode, 303);
    assert.deepEqual((await loadPreferences(t.ctx, id)).prefs.channels.order, [
      'email',
      'sms',
      'push',
      'post',
    ]);
  });

  it('lets the customer choose the channel for order updates, which cannot be silenced', async () => {
    const { id, browser } = await signedInCustomer(t);
    const page = await browser.get('/account/preferences?lang=en');
    assert.match(page.body, /Order and delivery updates/);
    assert.doesNotMatch(page.body, /name="topic_transactional"/);
    const res = await browser.post('/account/preferences', {
      ...formOf(page.body),
      transactional_channel: 'sms',
    });
    assert.equal(res.statusCode, 303);
    const { prefs } = await loadPreferences(t.ctx, id);
    assert.equal(prefs.channels.order[0], 'sms');
    assert.equal(prefs.channels.enabled.sms, true);
    assert.equal(prefs.topics.transactional, 'on');
    const again = await browser.get('/account/preferences');
    assert.match(again.body, /name="transactional_channel" value="sms" checked/);
  });

  it('turns a soft opt-in off with one click, and says it is one', async () => {
    const { id, browser } = await signedInCustomer(t);
    await grantSoftOptIn(t.ctx, id, { orderNumber: 'TB-2001' });
    const page = await browser.get('/account/preferences?lang=en');
    assert.match(page.body, /soft opt-in/);
    assert.match(page.body, /TB-2001/);
    const res = await browser.post('/account/preferences', {
      ...formOf(page.body),
      turn_off: 'new-for-my-appliances',
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await loadPreferences(t.ctx, id)).prefs.topics['new-for-my-appliances'], 'off');
    const last = (await loadLedger(t.ctx, id)).at(-1)!;
    assert.equal(last.old_value, '"soft-opt-in"');
    assert.equal(last.new_value, '"off"');
  });

  it('keeps a soft opt-in when the form is saved without touching it', async () => {
    const { id, browser } = await signedInCustomer(t);
    await grantSoftOptIn(t.ctx, id, { orderNumber: 'TB-2002' });
    const page = await browser.get('/account/preferences');
    await browser.post('/account/preferences', { ...formOf(page.body), topic_surveys: 'on' });
    const { prefs } = await loadPreferences(t.ctx, id);
    assert.equal(prefs.topics['new-for-my-appliances'], 'soft-opt-in');
    assert.equal(prefs.topics.surveys, 'on');
  });

  it('refuses a form from before another change (409) and shows the preferences as they are now', async () => {
    const { id, browser } = await signedInCustomer(t);
    const page = await browser.get('/account/preferences?lang=en');
    const { prefs } = await loadPreferences(t.ctx, id);
    await changePreferences(
      t.ctx,
      id,
      { ...prefs, topics: { ...prefs.topics, stories: 'on' } },
      { source: 'api', actor: 'customer' },
    );
    const res = await browser.post('/account/preferences', { ...formOf(page.body), topic_offers: 'on' });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /changed elsewhere in the meantime/);
    assert.equal((await loadPreferences(t.ctx, id)).prefs.topics.offers, 'off');
  });

  it('explains what is wrong in the visitor’s language and stores nothing', async () => {
    const { id, browser } = await signedInCustomer(t);
    const page = await browser.get('/account/preferences?lang=nl');
    const form = formOf(page.body);
    delete form.channel_email;
    const res = await browser.post('/account/preferences', {
      ...form,
      quiet_on: 'on',
      quiet_from: '25:00',
      frequency: 'limit',
      frequency_max: 'veel',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Zet minstens één kanaal aan/);
    assert.match(res.body, /Vul een tijd in als 21:00/);
    assert.match(res.body, /Vul een aantal van 0 tot 100 in/);
    assert.deepEqual(await loadLedger(t.ctx, id), []);
  });

  it('shows the ledger as a readable history, newest first', async () => {
    const { id, browser } = await signedInCustomer(t);
    t.clock.set('2026-12-03T20:14:00Z');
    const { prefs } = await loadPreferences(t.ctx, id);
    await changePreferences(
      t.ctx,
      id,
      { ...prefs, topics: { ...prefs.topics, offers: 'on' } },
      { source: 'preference-centre', actor: 'customer' },
    );
    t.clock.set('2026-12-04T09:00:00Z');
    const { prefs: now, revision } = await loadPreferences(t.ctx, id);
    await changePreferences(
      t.ctx,
      id,
      { ...now, topics: { ...now.topics, offers: 'off' } },
      {
        source: 'staff',
        actor: 'staff',
        staff: { id: 's-1', name: 'Mieke de Vries' },
        expectedRevision: revision,
      },
    );
    t.clock.set('2026-11-30T12:00:00Z');
    const en = await browser.get('/account/preferences/history?lang=en');
    assert.match(en.body, /3 December 2026 at 21:14<\/time>: You turned on Offers/);
    assert.match(en.body, /via the preference centre · wording prefs-v1/);
    assert.ok(
      en.body.indexOf('Mieke de Vries (staff) turned off Offers') < en.body.indexOf('You turned on Offers'),
    );
    const nl = await browser.get('/account/preferences/history?lang=nl');
    assert.match(nl.body, /3 december 2026 om 21:14<\/time>: Je hebt Aanbiedingen aangezet/);
    assert.match(nl.body, /Mieke de Vries \(medewerker\) heeft Aanbiedingen uitgezet/);
  });
});
