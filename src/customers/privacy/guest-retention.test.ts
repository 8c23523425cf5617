import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findEverywhere } from '../../../test/helpers/db-catalogue.ts';
import { type Person, placeOrder } from '../../../test/helpers/privacy-fixtures.ts';
import { addCustomer } from '../../../test/helpers/signed-in-customer.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { ERASED, ERASED_EMAIL } from '../../db/personal-data.ts';
import { defaultJobKinds } from '../../jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../../jobs/run-jobs.ts';
import { orderEvents, recordOrderEvent } from '../../orders/order-events.ts';
import { purgeDateOf, retentionCutoff } from './fiscal-retention.ts';
import { anonymiseDueSalesRecords } from './retention-purge.ts';

const GINA: Person = { email: 'gina.gast@example.nl', name: 'Gina Gastvrij', phone: '', street: 'Gastweg' };
const HANS: Person = {
  email: 'hans.nacht@example.nl',
  name: 'Hans Nachtuil',
  phone: '',
  street: 'Oudjaarslaan',
};
const ANNA: Person = {
  email: 'anna.account@example.nl',
  name: 'Anna Accountbezit',
  phone: '',
  street: 'Vaste Weg',
};

describe('fiscal retention of guest orders', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({}, '2026-03-10T10:00:00Z');
  });
  after(() => t.close());

  const order = (number: string) =>
    t.db
      .selectFrom('orders')
      .select(['email', 'name', 'street', 'city', 'purge_after', 'total_cents', 'country'])
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
  /** An order through the checkout API at `when`, and its e-mails sent by the worker. */
  async function placedAt(when: string, person: Person): Promise<string> {
    t.clock.set(when);
    const number = await placeOrder(t, person);
    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    return number;
  }

  it('counts 7 years from the end of the fiscal year: the calendar year of the order in the shop’s zone', () => {
    const zone = 'Europe/Amsterdam';
    // any day of 2026 is kept through 31 December 2033; purged from 1 January 2034, 00:00 in Amsterdam
    assert.equal(purgeDateOf('2026-01-01T00:00:00Z', zone), '2033-12-31T23:00:00.000Z');
    assert.equal(purgeDateOf('2026-12-31T22:59:59Z', zone), '2033-12-31T23:00:00.000Z');
    // half past midnight on New Year's Day in Amsterdam is already 2027
    assert.equal(purgeDateOf('2026-12-31T23:30:00Z', zone), '2034-12-31T23:00:00.000Z');
    assert.equal(retentionCutoff('2033-12-31T22:59:59Z', zone), '2025-12-31T23:00:00.000Z');
    assert.equal(retentionCutoff('2033-12-31T23:00:00Z', zone), '2026-12-31T23:00:00.000Z');
  });

  it('anonymises a guest’s expired orders only, keeps the address while a newer order holds it, then erases it everywhere', async () => {
    const ginaOld = await placedAt('2026-03-10T10:00:00Z', GINA);
    const anna = await placedAt('2026-03-10T11:00:00Z', ANNA);
    await addCustomer(t.ctx, ANNA.email, ANNA.name); // she has an account now: her orders are hers, dated at erasure
    const hans = await placedAt('2026-12-31T23:30:00Z', HANS); // 1 January 2027, 00:30 in Amsterdam
    const ginaNew = await placedAt('2027-06-01T10:00:00Z', GINA);
    // staff wrote something about her on the old order's timeline
    const { id: ginaOldId } = await t.db
      .selectFrom('orders')
      .select('id')
      .where('number', '=', ginaOld)
      .executeTakeFirstOrThrow();
    await recordOrderEvent(t.ctx, {
      orderId: ginaOldId,
      kind: 'note',
      actor: 'staff',
      note: `${GINA.name} belde: bij de buren afgeven`,
    });
    const mails = await t.db
      .selectFrom('outbox_messages')
      .select('id')
      .where('to_address', '=', GINA.email)
      .execute();
    assert.equal(mails.length, 2, 'her two order confirmations');

    // the last second of 2033 in Amsterdam: nothing is due yet
    t.clock.set('2033-12-31T22:59:59Z');
    assert.equal(await anonymiseDueSalesRecords(t.ctx), 0);
    assert.equal((await order(ginaOld)).purge_after, null);

    // 1 January 2034, 00:00 in Amsterdam: the orders of 2026 are due, without an account or an erasure
    t.clock.set('2033-12-31T23:00:00Z');
    assert.equal(await anonymiseDueSalesRecords(t.ctx), 1);
    const old = await order(ginaOld);
    assert.deepEqual(old, {
      email: ERASED_EMAIL,
      name: ERASED,
      street: ERASED,
      city: ERASED,
      purge_after: '2033-12-31T23:00:00.000Z',
      total_cents: old.total_cents,
      country: 'NL',
    });
    assert.ok(old.total_cents > 0, 'the amounts stay for the books');
    const timeline = await orderEvents(t.ctx, ginaOldId);
    assert.ok(
      timeline.some((e) => e.kind === 'note' && e.note === null),
      'the event stays, its note goes',
    );
    assert.ok(
      timeline.some((e) => e.kind === 'placed'),
      'the timeline stays',
    );
    // her 2027 order still holds her address, so nothing else of hers is erased yet
    assert.equal((await order(ginaNew)).email, GINA.email);
    assert.equal((await order(ginaNew)).purge_after, null);
    const stillThere = await findEverywhere(t.db, [GINA.email]);
    assert.ok(stillThere.some((p) => p.table === 'outbox_messages'));
    // Hans ordered in 2027 (Amsterdam time); Anna has an account
    assert.equal((await order(hans)).email, HANS.email);
    assert.equal((await order(anna)).email, ANNA.email);
    assert.equal(await anonymiseDueSalesRecords(t.ctx), 0, 'a second run changes nothing');

    // a year later 2027 is due: Gina's last order goes, and with it everything else that held her address
    t.clock.set('2034-12-31T23:00:00Z');
    assert.equal(await anonymiseDueSalesRecords(t.ctx), 2);
    assert.deepEqual(await findEverywhere(t.db, [GINA.email, GINA.name, HANS.email, HANS.name]), []);
    assert.equal((await order(anna)).email, ANNA.email, 'an account holder’s orders wait for her erasure');
    assert.equal((await order(anna)).purge_after, null);
  });
});
