import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { householdOf } from '../../../test/helpers/customer-fixtures.ts';
import { findEverywhere } from '../../../test/helpers/db-catalogue.ts';
import { type Person, seedCustomer } from '../../../test/helpers/privacy-fixtures.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { personalData, personalTables } from '../../db/personal-data.ts';
import { defaultJobKinds } from '../../jobs/default-kinds.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import { runJobsUntilIdle } from '../../jobs/run-jobs.ts';
import { cookieSpec } from '../../web/cookies.ts';
import { CUSTOMER_COOKIE } from '../sessions.ts';
import { suppressionOf } from '../suppression.ts';
import { eraseAccount, erasurePlan } from './erase-account.ts';
import { exportPersonalData } from './export-personal-data.ts';
import { purgeDateOf } from './fiscal-retention.ts';
import { anonymiseDueSalesRecords, RETENTION_JOB } from './retention-purge.ts';

const ZOE: Person = {
  email: 'zoe.privacy@example.nl',
  name: 'Zoë Vermeulen-Privé',
  phone: '+31 6 5550 1234',
  street: 'Geheimstraat',
};
const MAX: Person = {
  email: 'max.other@example.nl',
  name: 'Max Anderman',
  phone: '+31 6 5550 9876',
  street: 'Andereweg',
};
const needles = (p: Person) => [p.email, p.name, p.phone];

/** Tables whose rows a purge keeps as sales records. */
const FISCAL = new Set(
  personalTables()
    .filter((p) => p.entry.onErase === 'retain-fiscal')
    .map((p) => p.table),
);

describe('export and erasure of a customer', () => {
  let t: TestApp;
  let cookieName: string;
  beforeEach(async () => {
    t = await startTestApp();
    cookieName = cookieSpec(t.config, CUSTOMER_COOKIE).name;
  });
  afterEach(() => t.close());

  const get = (url: string, token?: string) =>
    t.app.inject({ method: 'GET', url, headers: token ? { cookie: `${cookieName}=${token}` } : {} });

  it('exports every personal table, every place the customer occurs, and nothing of another customer', async () => {
    const max = await seedCustomer(t, MAX);
    const zoe = await seedCustomer(t, ZOE, { householdWith: max.id });
    const data = await exportPersonalData(t.ctx, zoe.id);
    assert.ok(data);

    // every table marked personal is in the export, by name
    assert.deepEqual(
      Object.keys(data.tables).sort(),
      personalTables()
        .map((p) => p.table)
        .sort(),
    );
    // every place in the whole database (read from its catalogue) holding her address, name or phone is exported
    for (const place of await findEverywhere(t.db, needles(ZOE))) {
      const entry = personalData[place.table as keyof typeof personalData];
      assert.ok(
        entry.personal,
        `${place.table}.${place.column} holds ${place.needle} but is not marked personal`,
      );
      if ((entry.secret as readonly string[] | undefined)?.includes(place.column)) continue;
      const rows = data.tables[place.table]?.rows ?? [];
      assert.ok(
        rows.some((r) =>
          JSON.stringify(r[place.column] ?? '')
            .toLowerCase()
            .includes(place.needle.toLowerCase()),
        ),
        `${place.table}.${place.column} holds ${place.needle} but the export does not show it`,
      );
    }
    // what she did is there: both orders (one as a guest, address in capitals), their lines, payments, messages
    const numbers = data.tables.orders!.rows.map((r) => r.number).sort();
    assert.deepEqual(numbers, [...zoe.orderNumbers].sort());
    assert.equal(data.tables.order_lines!.rows.length, 2);
    assert.ok(data.tables.payments!.rows.length >= 2);
    assert.ok(data.tables.order_events!.rows.length >= 2);
    assert.ok(data.tables.outbox_messages!.rows.length >= 2, 'the order confirmations sent to her');
    assert.equal(data.tables.lookup_requests!.rows.length, 1);
    assert.equal(data.tables.consent_ledger!.rows[0]!.subject, 'topics.replenishment');
    assert.equal(data.tables.message_decisions!.rows[0]!.reason, 'quiet-hours');
    assert.equal(data.tables.replenishment_reminders!.rows.length, 1);
    // the household: shared, names only
    assert.deepEqual(data.household?.members.map((m) => [m.name, m.you]).sort(), [
      [MAX.name, false],
      [ZOE.name, true],
    ]);
    // secrets stay out
    assert.equal(data.tables.passkeys!.rows[0]!.public_key, undefined);
    assert.equal(data.tables.passkeys!.rows[0]!.label, `Phone of ${ZOE.name}`);
    assert.equal(data.tables.customer_sessions!.rows[0]!.id_hash, undefined);
    assert.equal(data.tables.push_subscriptions!.rows[0]!.auth, undefined);
    // and nothing of Max but his name as a household member
    const text = JSON.stringify(data);
    for (const n of [MAX.email, MAX.phone, MAX.street, ...max.orderNumbers]) assert.ok(!text.includes(n), n);
    assert.equal(text.split(MAX.name).length - 1, 1, 'his name once, in the household');
  });

  it('GET /api/v1/me/export and the download pages serve only the signed-in customer', async () => {
    const max = await seedCustomer(t, MAX);
    const zoe = await seedCustomer(t, ZOE);
    assert.equal((await get('/api/v1/me/export')).statusCode, 401);
    const api = await get(`/api/v1/me/export?customerId=${max.id}`, zoe.token);
    assert.equal(api.statusCode, 200);
    const body = api.json() as { subject: { email: string }; tables: Record<string, { rows: unknown[] }> };
    assert.equal(body.subject.email, ZOE.email);
    assert.ok(!api.body.includes(MAX.email));
    assert.equal(body.tables.orders!.rows.length, 2);

    const file = await get('/account/privacy/export.json', zoe.token);
    assert.equal(file.statusCode, 200);
    assert.match(
      String(file.headers['content-disposition']),
      /^attachment; filename="personal-data-2026-11-30\.json"/,
    );
    assert.equal(file.json().subject.email, ZOE.email);

    const html = await get('/account/privacy/export.html?lang=nl', zoe.token);
    assert.equal(html.statusCode, 200);
    assert.ok(html.body.includes(ZOE.name) && html.body.includes(zoe.orderNumbers[0]!));
    assert.ok(html.body.includes('Je bestellingen'));
    assert.equal(html.headers['content-disposition'], undefined);
    const download = await get('/account/privacy/export.html?download=1', zoe.token);
    assert.match(String(download.headers['content-disposition']), /attachment; filename=".*\.html"/);

    // signed out: pages send to sign-in, nothing is shown
    const anonymous = await get('/account/privacy/export.json');
    assert.notEqual(anonymous.statusCode, 200);
    assert.ok(!anonymous.body.includes(ZOE.email));
    // staff probing an unknown customer id answers 404
    assert.equal(await exportPersonalData(t.ctx, 'no-such-customer'), null);
  });

  it('erases everywhere except sales records, which the retention job anonymises after 7 years', async () => {
    const max = await seedCustomer(t, MAX);
    const zoe = await seedCustomer(t, ZOE, { householdWith: max.id });
    const household = (await householdOf(t, max.id))!;
    await t.db.updateTable('households').set({ created_by: zoe.id }).where('id', '=', household).execute();

    // before: the plan lists what goes and what stays, with the purge date
    const plan = await erasurePlan(t.ctx, zoe.id);
    assert.ok(plan);
    assert.deepEqual(plan.retained.map((o) => o.number).sort(), [...zoe.orderNumbers].sort());
    for (const o of plan.retained)
      assert.equal(o.purgeAfter, purgeDateOf(o.createdAt, t.config.shopTimezone));
    assert.equal(plan.retained[0]!.purgeAfter.slice(0, 4), '2033');
    assert.ok(plan.removed.some((r) => r.table === 'customer_sessions'));

    const result = await eraseAccount(t.ctx, zoe.id);
    assert.ok(result.erased);
    assert.deepEqual(result.retained.map((o) => o.number).sort(), [...zoe.orderNumbers].sort());
    assert.deepEqual(
      await eraseAccount(t.ctx, zoe.id),
      { erased: false },
      'a second erasure finds nothing to do',
    );

    // her e-mail, name and phone: only in the retained sales records, each with its purge date
    const found = await findEverywhere(t.db, needles(ZOE));
    assert.ok(found.length > 0, 'the orders are still there');
    for (const place of found)
      assert.ok(
        FISCAL.has(place.table as never),
        `${place.table}.${place.column} still holds ${place.needle}`,
      );
    const kept = await t.db
      .selectFrom('orders')
      .select(['number', 'purge_after', 'customer_id', 'total_cents'])
      .where('number', 'in', zoe.orderNumbers)
      .execute();
    assert.equal(kept.length, 2);
    for (const o of kept) {
      // 7 years after the end of the fiscal year 2026: 1 January 2034, 00:00 in Amsterdam
      assert.equal(o.purge_after, '2033-12-31T23:00:00.000Z', `purge date of ${o.number}`);
      assert.equal(o.customer_id, null);
    }
    // sessions ended, address suppressed (as a hash only), the household kept by its other member
    assert.equal((await get('/api/v1/me/export', zoe.token)).statusCode, 401);
    assert.equal(await suppressionOf(t.ctx, ZOE.email.toUpperCase()), 'erased');
    const hh = await t.db
      .selectFrom('households')
      .select('created_by')
      .where('id', '=', household)
      .executeTakeFirstOrThrow();
    assert.equal(hh.created_by, max.id);
    // the lookup request stays (anonymised), without her photo
    const request = await t.db
      .selectFrom('lookup_requests')
      .selectAll()
      .where('query', '=', 'PV 1000 old model')
      .execute();
    assert.equal(request.filter((r) => r.photo === null).length, 1);
    // Max is untouched
    const maxData = await exportPersonalData(t.ctx, max.id);
    assert.ok(maxData);
    assert.equal(maxData.tables.orders!.rows.length, 2);
    assert.equal(maxData.tables.customer_sessions!.rows.length, 1);
    assert.deepEqual(
      maxData?.household?.members.map((m) => m.name),
      [MAX.name],
    );

    // a late order e-mail after the erasure (staff report a delay) is dropped: the address is suppressed
    const late = await t.db
      .selectFrom('orders')
      .select('id')
      .where('number', '=', zoe.orderNumbers[1]!)
      .executeTakeFirstOrThrow();
    await enqueueJob(t.ctx, {
      kind: 'order-delayed',
      payload: {
        orderId: late.id,
        previousDate: '2026-12-01',
        newDate: '2026-12-04',
        message: null,
        staffName: 'Olga',
      },
      idempotencyKey: 'late-delay-notice',
    });
    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    const dropped = await t.db
      .selectFrom('gateway_messages')
      .select(['status', 'reason'])
      .where('template', '=', 'order-delayed')
      .execute();
    assert.deepEqual(dropped, [{ status: 'dropped', reason: 'suppressed' }]);
    assert.equal(
      (
        await t.db
          .selectFrom('outbox_messages')
          .select('id')
          .where('template', '=', 'order-delayed')
          .execute()
      ).length,
      0,
    );

    // the daily retention job: nothing due yet …
    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    assert.ok((await findEverywhere(t.db, needles(ZOE))).length > 0);
    // … and seven years later, found nowhere; the amounts stay for the books
    t.clock.set('2034-01-01T12:00:00Z'); // past 2033: orders of 2026 are kept 7 years after their fiscal year
    const outcomes = await runJobsUntilIdle(t.ctx, defaultJobKinds);
    assert.ok(
      outcomes.some((o) => o.kind === RETENTION_JOB && o.outcome === 'done'),
      JSON.stringify(outcomes),
    );
    assert.deepEqual(await findEverywhere(t.db, needles(ZOE)), []);
    const books = await t.db
      .selectFrom('orders')
      .select(['total_cents', 'country', 'email'])
      .where('number', 'in', zoe.orderNumbers)
      .execute();
    assert.deepEqual(
      books.map((b) => b.total_cents),
      kept.map((k) => k.total_cents),
    );
    assert.ok(books.every((b) => b.country === 'NL' && b.email === 'erased@erased.invalid'));
    // it scheduled itself for the next day
    const next = await t.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', RETENTION_JOB)
      .where('status', '=', 'pending')
      .execute();
    assert.equal(next.length, 1);
    assert.ok(next[0]!.run_at > new Date(t.clock.now().epochMilliseconds).toISOString());
    // Max's records, without a purge date, stay as they were
    assert.ok((await findEverywhere(t.db, [MAX.email])).some((p) => p.table === 'orders'));
  });

  it('DELETE /api/v1/me erases the signed-in account once asked to, and answers what is kept', async () => {
    const zoe = await seedCustomer(t, ZOE);
    const del = (payload: unknown, token?: string) =>
      t.app.inject({
        method: 'DELETE',
        url: '/api/v1/me',
        headers: token ? { cookie: `${cookieName}=${token}` } : {},
        payload: payload as Record<string, unknown>,
      });
    assert.equal((await del({ confirm: 'delete-my-account' })).statusCode, 401);
    const unconfirmed = await del({ confirm: 'yes' }, zoe.token);
    assert.equal(unconfirmed.statusCode, 400);
    assert.equal(unconfirmed.json().error.id, 'invalid-input');
    assert.ok(await t.db.selectFrom('customers').select('id').where('id', '=', zoe.id).executeTakeFirst());
    const done = await del({ confirm: 'delete-my-account' }, zoe.token);
    assert.equal(done.statusCode, 200, done.body);
    const body = done.json() as { retained: { number: string; purgeAfter: string }[] };
    assert.deepEqual(body.retained.map((o) => o.number).sort(), [...zoe.orderNumbers].sort());
    assert.ok(body.retained.every((o) => o.purgeAfter === '2033-12-31T23:00:00.000Z'));
    assert.equal(
      (await del({ confirm: 'delete-my-account' }, zoe.token)).statusCode,
      401,
      'the session ended',
    );
  });

  it('documents the export and the deletion in the OpenAPI document', async () => {
    type Op = { responses: Record<string, { content?: Record<string, { schema: { properties: object } }> }> };
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, Record<string, Op>> };
    const exported =
      doc.paths['/api/v1/me/export']?.get?.responses['200']?.content?.['application/json']?.schema;
    assert.deepEqual(Object.keys(exported?.properties ?? {}).sort(), [
      'exportedAt',
      'format',
      'household',
      'shop',
      'subject',
      'tables',
      'version',
    ]);
    assert.ok(doc.paths['/api/v1/me']?.delete?.responses['200']);
    assert.ok(doc.paths['/api/v1/me/export']?.get?.responses['401']);
  });

  it('anonymises at once the orders already older than the retention period, and lists none as kept', async () => {
    const zoe = await seedCustomer(t, ZOE);
    t.clock.advance({ hours: 8 * 366 * 24 });
    const plan = await erasurePlan(t.ctx, zoe.id);
    assert.deepEqual(plan?.retained, []);
    const result = await eraseAccount(t.ctx, zoe.id);
    assert.ok(result.erased);
    assert.deepEqual(result.retained, []);
    assert.deepEqual(await findEverywhere(t.db, needles(ZOE)), []);
    const orders = await t.db
      .selectFrom('orders')
      .select(['email', 'total_cents'])
      .where('number', 'in', zoe.orderNumbers)
      .execute();
    assert.equal(orders.length, 2, 'the sales records stay, anonymised');
    assert.ok(orders.every((o) => o.email === 'erased@erased.invalid' && o.total_cents > 0));
  });

  it('removes a household left without members, and purges each record once', async () => {
    const max = await seedCustomer(t, MAX);
    const zoe = await seedCustomer(t, ZOE, { householdWith: max.id });
    const household = (await householdOf(t, zoe.id))!;
    assert.ok((await eraseAccount(t.ctx, max.id)).erased);
    assert.ok(
      await t.db.selectFrom('households').select('id').where('id', '=', household).executeTakeFirst(),
    );
    assert.ok((await eraseAccount(t.ctx, zoe.id)).erased);
    assert.equal(
      await t.db.selectFrom('households').select('id').where('id', '=', household).executeTakeFirst(),
      undefined,
      'the empty household is gone',
    );
    t.clock.set('2034-01-01T12:00:00Z'); // past 2033: orders of 2026 are kept 7 years after their fiscal year
    assert.equal(await anonymiseDueSalesRecords(t.ctx), 4, 'both customers’ two orders');
    assert.equal(await anonymiseDueSalesRecords(t.ctx), 0, 'a second run changes nothing');
    assert.deepEqual(await findEverywhere(t.db, [...needles(ZOE), ...needles(MAX)]), []);
  });

  it('deletes through the two-step pages: the plan first, then an acknowledgement; without the tick nothing happens', async () => {
    const zoe = await seedCustomer(t, ZOE);
    const confirm = await get('/account/privacy/delete?lang=en', zoe.token);
    assert.equal(confirm.statusCode, 200);
    for (const n of zoe.orderNumbers)
      assert.match(
        confirm.body,
        new RegExp(`Order ${n} of 30 November 2026, .*: kept up to and including 31 December 2033`),
      );
    assert.match(confirm.body, /Your saved appliances, with serial numbers and labels\. \(1\)/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(confirm.body)?.[1];
    const csrfCookie = confirm.cookies.find((c) => c.name.endsWith('tb_csrf'));
    assert.ok(csrf && csrfCookie);
    const post = (fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/account/privacy/delete?lang=en',
        headers: {
          cookie: `${cookieName}=${zoe.token}; ${csrfCookie.name}=${csrfCookie.value}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      });
    const refused = await post({});
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Tick the box/);
    assert.ok(await t.db.selectFrom('customers').select('id').where('id', '=', zoe.id).executeTakeFirst());

    const done = await post({ confirm: 'yes' });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Your account has been deleted/);
    assert.match(done.body, /kept up to and including 31 December 2033/);
    const cleared = done.cookies.find((c) => c.name === cookieName);
    assert.equal(cleared?.value, '', 'the session cookie is cleared');
    assert.equal(
      await t.db.selectFrom('customers').select('id').where('id', '=', zoe.id).executeTakeFirst(),
      undefined,
    );
    assert.equal(
      (await get('/account/privacy', zoe.token)).statusCode,
      303,
      'the old session no longer signs in',
    );
  });
});
