import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { createCustomerSession } from '../../src/customers/sessions.ts';
import { defaultJobKinds } from '../../src/jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../../src/jobs/run-jobs.ts';
import { requestMessage } from '../../src/messaging/gateway/request-message.ts';
import { changePreferences, loadPreferences } from '../../src/preferences/preference-store.ts';
import { type BrowserShop, expectNoAxeViolations, startBrowserShop } from '../helpers/browser.ts';
import { addCustomer } from '../helpers/preference-fixtures.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';

/** The one-click unsubscribe of a real e-mail, in a real browser: the GET page asks, its button unsubscribes. */
describe('one-click unsubscribe in the browser', () => {
  let smtp: SmtpSink;
  let bs: BrowserShop;
  before(async () => {
    smtp = await startSmtpSink();
    bs = await startBrowserShop({ smtpUrl: smtp.url });
  });
  after(async () => {
    await bs?.close();
    await smtp?.close();
  });

  const unsubscribeUrl = (mail: ParsedMail) => {
    const line = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    return /^List-Unsubscribe: <([^>]+)>$/.exec(line)?.[1];
  };

  it('the button on the page of an e-mail’s unsubscribe link turns the topic off in the preference centre', async () => {
    const ctx = bs.shop.ctx;
    const id = await addCustomer(ctx, { email: 'lotte@example.nl', locale: 'nl' });
    const { prefs } = await loadPreferences(ctx, id);
    await changePreferences(
      ctx,
      id,
      { ...prefs, topics: { ...prefs.topics, offers: 'on' } },
      { source: 'preference-centre', actor: 'customer' },
    );
    await requestMessage(ctx, {
      customerId: id,
      to: 'lotte@example.nl',
      topic: 'offers',
      urgency: 'normal',
      template: 'order-delayed',
      data: {
        number: 'TB-1',
        name: 'Lotte',
        previousDate: '2026-12-01',
        newDate: '2026-12-03',
        message: null,
        staffName: 'Sam',
        orderUrl: `${bs.baseUrl}/order/TB-1`,
      },
      idempotencyKey: 'e2e-unsubscribe-offer',
    });
    await runJobsUntilIdle(ctx, defaultJobKinds);
    const mail = smtp.mails.find((m) => (m.to as { text: string }).text === 'lotte@example.nl');
    assert.ok(mail, 'the offer arrived over SMTP');
    const url = unsubscribeUrl(mail) ?? '';
    assert.ok(url.startsWith(`${bs.baseUrl}/u/`), `a List-Unsubscribe URL on one line: ${url}`);
    assert.ok(mail.text?.includes(url), 'the same link in the footer');

    // opening the link (as a link scanner would) changes nothing
    const page = await bs.open(new URL(url).pathname, { viewport: 'desktop' });
    assert.match((await page.locator('h1').textContent()) ?? '', /Afmelden/);
    await expectNoAxeViolations(page);
    assert.equal(
      (await loadPreferences(ctx, id)).prefs.topics.offers,
      'on',
      'the GET page unsubscribes no one',
    );

    await page.getByRole('button', { name: /Afmelden voor/ }).click();
    await page.waitForSelector('text=Je bent afgemeld');
    assert.match((await page.locator('[role=status]').textContent()) ?? '', /Aanbiedingen/);
    await expectNoAxeViolations(page);

    // the preference centre, signed in, shows the topic off
    const account = await bs.open('/', { viewport: 'desktop' });
    const token = await createCustomerSession(ctx, id, 'magic-link', 'e2e');
    await account.context().addCookies([{ name: 'tb_customer', value: token, url: bs.baseUrl }]);
    await account.goto('/account/preferences');
    assert.equal(await account.locator('input[name="topic_offers"]').isChecked(), false, 'offers are off');

    // and "messages we sent you, and why" lists the offer with its reason
    await account.goto('/account/messages?lang=en');
    const row = account.locator('table.gateway-messages tbody tr').first();
    assert.match((await row.textContent()) ?? '', /Sent by e-mail/);
    assert.match((await row.textContent()) ?? '', /You turned this topic on/);
    await expectNoAxeViolations(account);
  });
});
