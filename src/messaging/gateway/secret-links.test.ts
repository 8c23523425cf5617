import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser } from '../../../test/helpers/forms.ts';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { FORGOTTEN_LINK } from './deliver-message.ts';

describe('secret links in e-mails', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  before(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ smtpUrl: smtp.url });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('keeps no usable copy of a sign-in link once it left over SMTP, and the link still works', async () => {
    const browser = new Browser(t.app);
    assert.equal(
      (await browser.submit('/account/sign-in?lang=en', { email: 'lies@example.nl' })).statusCode,
      200,
    );
    const mail = smtp.mails.find((m) => (m.to as { text: string }).text === 'lies@example.nl');
    assert.ok(mail, 'the link was mailed');
    const link = /https?:\/\/\S+\/account\/sign-in\/[\w-]{43}/.exec(mail.text ?? '')?.[0];
    assert.ok(link, mail.text);
    const token = link.split('/').pop()!;

    const logged = await t.db
      .selectFrom('outbox_messages')
      .select(['text_body', 'html_body', 'status'])
      .where('to_address', '=', 'lies@example.nl')
      .executeTakeFirstOrThrow();
    assert.equal(logged.status, 'sent');
    assert.ok(!logged.text_body.includes(token), 'the logged text has no token');
    assert.ok(!logged.html_body.includes(token), 'the logged HTML has no token');
    assert.ok(logged.text_body.includes(FORGOTTEN_LINK));
    const requested = await t.db
      .selectFrom('gateway_messages')
      .select('data_json')
      .where('to_address', '=', 'lies@example.nl')
      .executeTakeFirstOrThrow();
    assert.ok(!requested.data_json.includes(token), 'the stored message data has no token');
    const outbox = await browser.get('/admin/outbox');
    assert.ok(!outbox.body.includes(token));

    const path = new URL(link).pathname;
    await browser.get(path);
    assert.equal(
      (await browser.post(path, {})).statusCode,
      303,
      'the customer signs in with the mailed link',
    );
  });
});
