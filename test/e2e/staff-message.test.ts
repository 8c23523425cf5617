import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runJobsUntilIdle } from '../../src/jobs/run-jobs.ts';
import { BROADCAST_SEND_JOB, broadcastSendJob } from '../../src/messaging/broadcast/send-broadcast.ts';
import { changePreferences, loadPreferences } from '../../src/preferences/preference-store.ts';
import type { Preferences } from '../../src/preferences/preferences.ts';
import { type BrowserShop, expectNoAxeViolations, seen, startBrowserShop } from '../helpers/browser.ts';
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
    await page.getByLabel('E-mail address', { exact: true }).fill('sanne@toonbank.test');
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/admin');

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
