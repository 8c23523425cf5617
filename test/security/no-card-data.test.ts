import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PostgresAdapter, sql } from 'kysely';
import { defaultJobKinds } from '../../src/jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../../src/jobs/run-jobs.ts';
import { createStaff, signedIn } from '../helpers/forms.ts';
import { checkInvariants } from '../helpers/order-invariants.ts';
import { type PaymentShop, startPaymentShop } from '../helpers/payment-fixtures.ts';

/**
 * Card numbers as they are written: 13–19 digits, optionally grouped by spaces or dashes, not part of a
 * longer run of letters or digits, and passing the Luhn check.
 */
export function cardNumbersIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![0-9A-Za-z])\d(?:[ -]?\d){12,18}(?![0-9A-Za-z])/g)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhn(digits)) found.push(match[0]);
  }
  return found;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

describe('no card data ever (RELIABILITY 10)', () => {
  let shop: PaymentShop;

  before(async () => {
    shop = await startPaymentShop();
    // a checkout and payment flow of every kind: bank transfer marked paid, Mollie paid, failed, refunded
    const bank = await shop.buy('bank-transfer');
    const bankOrder = await shop.orderByNumber(bank.json.orderNumber as string);
    await createStaff(shop.t.db, { email: 'kim@shop.test', role: 'staff' });
    const staff = await signedIn(shop.t.app, 'kim@shop.test');
    await staff.post(`/admin/orders/${bankOrder.id}/mark-paid`, {});
    for (const [method, status] of [
      ['creditcard', 'paid'],
      ['ideal', 'failed'],
      ['bancontact', 'paid'],
    ] as const) {
      const res = await shop.buy(method);
      const order = await shop.orderByNumber(res.json.orderNumber as string);
      const trId = (await shop.paymentsOf(order.id))[0]!.provider_payment_id!;
      shop.mollie.setStatus(trId, status);
      await shop.mollie.fireWebhook(trId);
    }
    await runJobsUntilIdle(shop.t.ctx, defaultJobKinds); // confirmation e-mails into the outbox
  });
  after(async () => {
    await checkInvariants(shop.t.ctx, shop.initial);
    await shop.close();
  });

  it('recognises a card number when there is one', () => {
    assert.deepEqual(cardNumbersIn('card 4111 1111 1111 1111 exp'), ['4111 1111 1111 1111']);
    assert.deepEqual(cardNumbersIn('x:5555-5555-5555-4444'), ['5555-5555-5555-4444']);
    assert.deepEqual(cardNumbersIn('4111111111111112 TB-2026-000123 2026-11-30T12:00:00.000Z'), []);
  });

  it('finds no card-number pattern in any text column of any table, the outbox included', async () => {
    const { db } = shop.t;
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    const tables = postgres
      ? (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
        ).rows
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows;
    const names = tables.map((t) => t.name);
    for (const required of ['orders', 'payments', 'outbox_messages', 'jobs', 'order_events'])
      assert.ok(names.includes(required), `scanned ${required}`);
    const outbox = await db.selectFrom('outbox_messages').select('id').execute();
    assert.ok(outbox.length >= 4, 'the flow sent confirmation e-mails');
    for (const name of names) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)).rows;
      for (const row of rows)
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== 'string') continue;
          assert.deepEqual(cardNumbersIn(value), [], `${name}.${column}`);
        }
    }
  });

  it('sends nothing card-like to the payment provider', () => {
    for (const request of shop.mollie.requests)
      assert.deepEqual(cardNumbersIn(`${request.path} ${request.body}`), [], request.path);
  });
});
