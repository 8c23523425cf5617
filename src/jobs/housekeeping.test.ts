import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { addGuestOrder } from '../../test/helpers/customer-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { ERASED_EMAIL } from '../db/personal-data.ts';
import { defaultJobKinds } from './default-kinds.ts';
import { HOUSEKEEPING_JOB, housekeeping, scheduleHousekeeping } from './housekeeping.ts';
import { runJobsUntilIdle } from './run-jobs.ts';

describe('housekeeping', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({}, '2026-03-01T12:00:00Z');
  });
  after(() => t.close());

  const ids = async (table: 'jobs' | 'idempotency_keys' | 'rate_events' | 'carts' | 'customer_links') => {
    const column = table === 'idempotency_keys' ? 'key' : table === 'customer_links' ? 'token_hash' : 'id';
    const rows = await t.db
      .selectFrom(table)
      .select(`${column} as id` as never)
      .execute();
    return (rows as unknown as { id: string }[]).map((r) => r.id).sort();
  };

  it('removes finished and spent rows, and keeps everything still in use', async () => {
    const old = '2026-01-01T00:00:00.000Z';
    const recent = '2026-03-01T06:00:00.000Z';
    for (const [key, status, at] of [
      ['done-old', 'done', old],
      ['done-recent', 'done', recent],
      ['failed-old', 'failed', old],
      ['pending-old', 'pending', old],
    ] as const) {
      await t.db
        .insertInto('jobs')
        .values({
          id: key,
          kind: 'x',
          payload_json: '{}',
          status,
          run_at: at,
          attempts: 1,
          last_error: null,
          idempotency_key: key,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    for (const [key, at] of [
      ['key-old', old],
      ['key-recent', recent],
    ] as const) {
      await t.db
        .insertInto('idempotency_keys')
        .values({ key, request_hash: 'h', status_code: 201, response_json: '{}', created_at: at })
        .execute();
    }
    for (const [id, at] of [
      ['rate-old', old],
      ['rate-recent', recent],
    ] as const) {
      await t.db.insertInto('rate_events').values({ id, kind: 'sign-in-link', key_hash: 'k', at }).execute();
    }
    for (const [id, at] of [
      ['cart-old', '2025-10-01T00:00:00.000Z'],
      ['cart-recent', old],
    ] as const) {
      await t.db.insertInto('carts').values({ id, created_at: at, updated_at: at }).execute();
    }
    for (const [hash, expires, used] of [
      ['link-expired', '2026-02-27T00:00:00.000Z', null],
      ['link-used', '2026-03-01T12:10:00.000Z', '2026-02-27T00:00:00.000Z'],
      ['link-live', '2026-03-01T12:10:00.000Z', null],
    ] as const) {
      await t.db
        .insertInto('customer_links')
        .values({
          token_hash: hash,
          purpose: 'sign-in',
          email: 'a@example.nl',
          customer_id: null,
          data_json: '{}',
          expires_at: expires,
          used_at: used,
          created_at: old,
        })
        .execute();
    }

    const removed = await housekeeping(t.ctx);
    assert.equal(removed.jobs, 1);
    assert.deepEqual(
      await ids('jobs'),
      ['done-recent', 'failed-old', 'pending-old'],
      'failed and pending jobs stay',
    );
    assert.deepEqual(await ids('idempotency_keys'), ['key-recent']);
    assert.deepEqual(await ids('rate_events'), ['rate-recent']);
    assert.deepEqual(await ids('carts'), ['cart-recent']);
    assert.deepEqual(await ids('customer_links'), ['link-live']);
    assert.deepEqual(
      await housekeeping(t.ctx),
      Object.fromEntries(Object.keys(removed).map((k) => [k, 0])),
      'nothing more the second time',
    );
  });

  it('runs daily as a job that schedules the next day first', async () => {
    await scheduleHousekeeping(t.ctx);
    await scheduleHousekeeping(t.ctx);
    const scheduled = await t.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', HOUSEKEEPING_JOB)
      .execute();
    assert.equal(scheduled.length, 1, 'once per day, however often the shop starts');
    assert.equal(scheduled[0]!.run_at, '2026-03-02T03:00:00.000Z', '04:00 in Amsterdam the next day');
    t.clock.set('2026-03-02T03:00:00Z');
    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    const after = await t.db
      .selectFrom('jobs')
      .select(['run_at', 'status'])
      .where('kind', '=', HOUSEKEEPING_JOB)
      .orderBy('run_at')
      .execute();
    assert.deepEqual(after, [
      { run_at: '2026-03-02T03:00:00.000Z', status: 'done' },
      { run_at: '2026-03-03T03:00:00.000Z', status: 'pending' },
    ]);
  });

  it('keeps the retention purge going, which anonymises guest orders in a shop where nobody erased an account', async () => {
    // the run above scheduled tomorrow's purge too
    const purge = await t.db
      .selectFrom('jobs')
      .select(['run_at', 'status'])
      .where('kind', '=', 'retention-purge')
      .execute();
    assert.deepEqual(purge, [{ run_at: '2026-03-03T03:00:00.000Z', status: 'pending' }]);

    await addCategory(t.ctx, 'bags');
    const productId = await addProduct(t.ctx, { sku: 'HK-BAG' });
    const id = await addGuestOrder(t.ctx, {
      number: 'TB-2026-HK',
      email: 'gast@example.nl',
      productId,
      appliances: [null],
    });
    // the daily runs go on; the first after the fiscal year 2026 + 7 years anonymises the order
    t.clock.set('2033-12-31T22:00:00Z');
    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    const kept = await t.db
      .selectFrom('orders')
      .select('email')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(kept.email, 'gast@example.nl');
    t.clock.set('2034-01-01T03:00:00Z');
    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    const purged = await t.db
      .selectFrom('orders')
      .select(['email', 'purge_after'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(purged, { email: ERASED_EMAIL, purge_after: '2033-12-31T23:00:00.000Z' });
  });
});
