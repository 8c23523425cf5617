import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runJobsUntilIdle } from '../../src/jobs/run-jobs.ts';
import { BROADCAST_PREVIEW_JOB, createBroadcast } from '../../src/messaging/broadcast/create-broadcast.ts';
import { broadcastPreviewJob } from '../../src/messaging/broadcast/preview-job.ts';
import { BROADCAST_SEND_JOB, broadcastSendJob } from '../../src/messaging/broadcast/send-broadcast.ts';
import { changePreferences, loadPreferences } from '../../src/preferences/preference-store.ts';
import type { Preferences } from '../../src/preferences/preferences.ts';
import {
  type BrowserShop,
  expectNoAxeViolations,
  logInAsStaff,
  seen,
  startBrowserShop,
} from '../helpers/browser.ts';
import { createStaff, TEST_PASSWORD } from '../helpers/forms.ts';
import { addCustomer } from '../helpers/signed-in-customer.ts';

describe('a staff message in the browser', () => {
  let shop: BrowserShop;
  before(async () => {
    shop = await startBrowserShop();
  });
  after(() => shop?.close());

  it('en, desktop: the preview says how many it reaches and why not the others; what is sent matches it', async () => {
    const t = shop.shop;
    t.clock.set('2026-11-30T21:30:00Z'); // 22:30 in Amsterdam
    const set = async (email: string, change: (p: Preferences) => Preferences) => {
      const id = await addCustomer(t.ctx, email, email.split('@')[0]!);
      const { prefs } = await loadPreferences(t.ctx, id);
      await changePreferences(t.ctx, id, change(prefs), { source: 'preference-centre', actor: 'customer' });
    };
    const offers = (p: Preferences): Preferences => ({ ...p, topics: { ...p.topics, offers: 'on' } });
    await set('a@example.nl', offers);
    await set('b@example.nl', offers);
    await set('c@example.nl', (p) => ({
      ...offers(p),
      quiet: { hours: { from: '22:00', to: '07:30' }, days: [] },
    }));
    await set('d@example.nl', (p) => p);
    await set('e@example.nl', (p) => p);
    t.clock.set('2026-11-30T21:35:00Z');

    await createStaff(t.db, { email: 'sanne@toonbank.test', name: 'Sanne' });
    const page = await shop.open('/admin/login?lang=en', { browserLocale: 'en-GB' });
    await logInAsStaff(page, 'sanne@toonbank.test', 'en');

    await page.goto('/admin/messages');
    await page.getByRole('heading', { level: 1, name: 'Messages to customers' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Everyone who wants offers').check();
    await page.getByLabel('Subject (Dutch)').fill('Nieuwe filters');
    await page.getByLabel('Text (Dutch)').fill('Er zijn nieuwe filters.');
    await page.getByLabel('Subject (English)').fill('New filters');
    await page.getByLabel('Text (English)').fill('There are new filters.');
    await page.getByRole('button', { name: 'Show reach' }).click();

    await page.getByRole('heading', { level: 2, name: /of \d+ customers will get this message/ }).waitFor();
    const preview = await seen(page.getByRole('main'));
    assert.match(preview, /3 of 5 customers will get this message\./);
    assert.match(preview, /2 at once/);
    assert.match(preview, /1 in quiet hours: these get it from 1 December 2026 at 07:30/);
    assert.match(preview, /2 do not want this topic/);
    await expectNoAxeViolations(page);

    // sending runs as a job: the page shows its progress until a worker has done it
    await page.getByRole('button', { name: 'Send now to 3 customers' }).click();
    await page.getByText('Sending starts in a moment').waitFor();
    await expectNoAxeViolations(page);
    await runJobsUntilIdle(t.ctx, { [BROADCAST_SEND_JOB]: broadcastSendJob });
    await page.getByRole('link', { name: 'Refresh progress' }).click();
    await page.getByText(/Sent: 5 recipients recorded/).waitFor();
    const sent = await seen(page.getByRole('main'));
    assert.match(sent, /Sent: 5 recipients recorded \(2 at once, 1 later\)/);
    assert.match(sent, /3 of 5 customers will get this message\./);
    const rows = await t.db
      .selectFrom('gateway_messages')
      .select(['status'])
      .where('template', '=', 'staff-message')
      .execute();
    const by = (s: string) => rows.filter((r) => r.status === s).length;
    const drops = await t.db.selectFrom('broadcast_drops').select('reason').execute();
    assert.deepEqual([by('queued'), by('held'), drops.length], [2, 1, 2], 'recorded as previewed');
  });
});

describe('a staff message to a big audience in the browser', () => {
  let shop: BrowserShop;
  before(async () => {
    shop = await startBrowserShop();
  });
  after(() => shop?.close());

  it('nl, phone, keyboard: the page counts the reach as a job, shows how far, and offers sending once counted', async () => {
    const t = shop.shop;
    t.clock.set('2026-12-01T10:00:00Z');
    for (const email of ['f@example.nl', 'g@example.nl', 'h@example.nl', 'i@example.nl']) {
      const id = await addCustomer(t.ctx, email, email.split('@')[0]!);
      const { prefs } = await loadPreferences(t.ctx, id);
      const wants =
        email === 'i@example.nl' ? prefs : { ...prefs, topics: { ...prefs.topics, offers: 'on' as const } };
      await changePreferences(t.ctx, id, wants, { source: 'preference-centre', actor: 'customer' });
    }
    const staffId = await createStaff(t.db, { email: 'joost@toonbank.test', name: 'Joost' });
    // an audience bigger than one request counts: here the first two customers, the rest by the preview job
    const made = await createBroadcast(
      t.ctx,
      {
        audience: { kind: 'offers' },
        subjectNl: 'Winterkorting',
        subjectEn: 'Winter discount',
        bodyNl: 'Tien procent op alle filters.',
        bodyEn: 'Ten per cent off all filters.',
      },
      { id: staffId, name: 'Joost' },
      { inRequest: 2 },
    );
    assert.ok(made.ok && !made.complete);

    const page = await shop.open('/admin/login', { viewport: 'phone' });
    await page.getByLabel('E-mailadres', { exact: true }).fill('joost@toonbank.test');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/admin');
    await page.goto(`/admin/messages/${made.id}`);
    await page.getByRole('heading', { level: 2, name: 'Bereik tellen' }).waitFor();
    const counting = await seen(page.getByRole('main'));
    assert.match(counting, /2 van 4 klanten geteld; de rest wordt nu geteld\./);
    assert.equal(
      await page.getByRole('button', { name: /^Nu versturen/ }).count(),
      0,
      'not sendable while counting',
    );
    assert.equal(await page.getByRole('progressbar').getAttribute('value'), '2');
    await expectNoAxeViolations(page);
    assert.equal(
      await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth'),
      true,
      'no sideways scrolling at 360 px',
    );

    await runJobsUntilIdle(t.ctx, { [BROADCAST_PREVIEW_JOB]: broadcastPreviewJob });
    const refresh = page.getByRole('link', { name: 'Voortgang vernieuwen' });
    await refresh.focus();
    await page.keyboard.press('Enter');
    const send = page.getByRole('button', { name: 'Nu versturen aan 3 klanten' });
    await send.waitFor();
    assert.match(await seen(page.getByRole('main')), /3 van 4 klanten krijgen dit bericht\./);
    assert.equal(await page.getByRole('heading', { name: 'Bereik tellen' }).count(), 0);
    await expectNoAxeViolations(page);

    await send.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Het versturen begint zo').waitFor();
    assert.match(await seen(page.getByRole('main')), /Vernieuw de voortgang om te zien hoe ver het is\./);
  });
});
