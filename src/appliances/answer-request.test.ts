import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createStaff } from '../../test/helpers/forms.ts';
import { type SmtpSink, startSmtpSink } from '../../test/helpers/smtp-sink.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { defaultJobKinds } from '../jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../jobs/run-jobs.ts';
import { answerRequest } from './answer-request.ts';
import { requestIdentification } from './request-identification.ts';

describe('answerRequest', () => {
  let t: TestApp;
  let staffId: string;
  let requestId: string;
  let smtp: SmtpSink;
  before(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ smtpUrl: smtp.url });
    staffId = await createStaff(t.db, { email: 'sam@example.nl', name: 'Sam Bakker', role: 'staff' });
    const made = await requestIdentification(t.ctx, {
      query: 'XYZ 123',
      serial: '',
      email: 'klant@example.nl',
      locale: 'nl',
    });
    assert.ok(made.ok);
    requestId = made.id;
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('refuses an empty answer', async () => {
    assert.deepEqual(await answerRequest(t.ctx, { requestId, staffId, answer: '  ' }), {
      ok: false,
      fields: { answer: 'required' },
    });
  });

  it('refuses an unknown request', async () => {
    assert.deepEqual(await answerRequest(t.ctx, { requestId: 'nope', staffId, answer: 'Hallo' }), {
      ok: false,
      reason: 'not-found',
    });
  });

  it('stores the answer, who gave it and when, and marks the request answered', async () => {
    t.clock.set('2026-12-01T09:30:00Z');
    assert.deepEqual(await answerRequest(t.ctx, { requestId, staffId, answer: ' Gevonden! ' }), { ok: true });
    const row = await t.db
      .selectFrom('lookup_requests')
      .selectAll()
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'answered');
    assert.equal(row.answer, 'Gevonden!');
    assert.equal(row.answered_by, staffId);
    assert.equal(row.answered_at, '2026-12-01T09:30:00.000Z');
  });

  it("e-mails the answer once, in the request's language, signed by the staff member", async () => {
    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    const mails = smtp.mails.filter((m) => (m.to as { text: string }).text === 'klant@example.nl');
    assert.equal(mails.length, 1, 'one answer e-mail');
    const mail = mails[0]!;
    assert.match(mail.subject ?? '', /XYZ 123/);
    assert.match(mail.text ?? '', /Je vroeg ons te zoeken/, 'in Dutch, as asked');
    assert.match(mail.text ?? '', /Gevonden!/);
    assert.match(mail.text ?? '', /Sam Bakker/);
  });

  it('never replaces an answer', async () => {
    assert.deepEqual(await answerRequest(t.ctx, { requestId, staffId, answer: 'Toch niet' }), {
      ok: false,
      reason: 'already-answered',
    });
    const row = await t.db
      .selectFrom('lookup_requests')
      .select('answer')
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    assert.equal(row.answer, 'Gevonden!');
  });
});
