import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import {
  addFixtureRegistry,
  addProducts,
  FIXTURE_CSV,
  FIXTURE_SKUS,
} from '../../test/helpers/appliance-fixtures.ts';
import { checkoutPayload } from '../../test/helpers/checkout-bodies.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { openDb } from '../db/database.ts';
import { addToCart } from '../orders/add-to-cart.ts';
import { importAppliances } from './import-appliances.ts';
import { LookupService } from './lookup-service.ts';

type Match = {
  brand: string;
  model: string;
  match: string;
  variant: string | null;
  needsSerial: boolean;
  products: { sku: string; name: string; priceCents: number; inStock: boolean }[];
  notes: string;
};

describe('the lookup API', () => {
  let t: TestApp;
  const lookup = async (query: Record<string, string>) => {
    const res = await t.app.inject({ url: '/api/v1/lookup', query });
    return {
      status: res.statusCode,
      body: res.json() as { query: string; brand: string | null; matches: Match[] },
    };
  };
  const models = (matches: Match[]) => matches.map((m) => m.model);

  before(async () => {
    t = await startTestApp();
    await addFixtureRegistry(t);
  });
  after(() => t.close());

  it('finds FC8520/09 typed as "fc 8520-09", with its products', async () => {
    const { status, body } = await lookup({ q: 'fc 8520-09', lang: 'en' });
    assert.equal(status, 200);
    assert.equal(body.query, 'fc 8520-09');
    const [first] = body.matches;
    assert.equal(first?.model, 'FC8520/09');
    assert.equal(first?.brand, 'Philips');
    assert.equal(first?.match, 'exact');
    assert.equal(first?.needsSerial, false);
    assert.equal(first?.variant, null);
    assert.deepEqual(
      first?.products.map((p) => [p.sku, p.name, p.inStock]),
      [
        ['BAG-1', 'Part BAG-1', true],
        ['FLT-1', 'Part FLT-1', true],
        ['OUT-1', 'Part OUT-1', false],
      ],
    );
    assert.equal(typeof first?.products[0]?.priceCents, 'number');
  });

  it('names products in Dutch when asked', async () => {
    const { body } = await lookup({ q: 'FC852009', lang: 'nl' });
    assert.equal(body.matches[0]?.products[0]?.name, 'Onderdeel BAG-1');
  });

  it('lists every model a prefix starts', async () => {
    const { body } = await lookup({ q: 'FC8520' });
    assert.deepEqual(models(body.matches).sort(), ['FC8520/01', 'FC8520/02', 'FC8520/09', 'FC8520/77']);
    assert.ok(body.matches.every((m) => m.match === 'prefix'));
  });

  it('forgives a typo', async () => {
    const { body } = await lookup({ q: 'S8430' });
    assert.equal(body.matches[0]?.model, 'S8340');
    assert.equal(body.matches[0]?.match, 'fuzzy');
  });

  it('narrows by a brand word anywhere in the query', async () => {
    const philips = await lookup({ q: 'philips fc8520' });
    assert.equal(philips.body.brand, 'Philips');
    assert.deepEqual(models(philips.body.matches).sort(), ['FC8520/01', 'FC8520/02', 'FC8520/09']);
    const bosch = await lookup({ q: 'FC8520 Bosch' });
    assert.deepEqual(models(bosch.body.matches), ['FC8520/77']);
  });

  it('finds an appliance by an alias such as its EAN', async () => {
    const { body } = await lookup({ q: '8710103000001' });
    assert.equal(body.matches[0]?.model, 'FC8520/09');
    assert.equal(body.matches[0]?.match, 'alias');
  });

  it('asks for the serial when the variants take different products', async () => {
    const { body } = await lookup({ q: 'TE651209RW' });
    const [m] = body.matches;
    assert.equal(m?.needsSerial, true);
    assert.equal(m?.variant, null);
    assert.deepEqual(
      m?.products.map((p) => p.sku),
      ['CLN-1'],
    );
    assert.equal(m?.notes, 'Descale every six weeks');
  });

  it('picks the variant by serial and adds its products to the appliance-wide ones', async () => {
    const early = (await lookup({ q: 'TE651209RW', serial: '9150' })).body.matches[0];
    assert.equal(early?.variant, 'FD 9103-9208');
    assert.equal(early?.needsSerial, false);
    assert.deepEqual(
      early?.products.map((p) => p.sku),
      ['CLN-1', 'CLN-2'],
    );
    assert.match(early?.notes ?? '', /type A/);
    const late = (await lookup({ q: 'TE651209RW', serial: '9876' })).body.matches[0];
    assert.equal(late?.variant, 'FD 9209-');
    assert.deepEqual(
      late?.products.map((p) => p.sku),
      ['CLN-1', 'CLN-3'],
    );
  });

  it('keeps to the limit', async () => {
    const { body } = await lookup({ q: 'FC8520', limit: '2' });
    assert.equal(body.matches.length, 2);
  });

  for (const [name, query] of [
    ['an empty query', { q: '' }],
    ['a missing query', {}],
    ['a query of 101 characters', { q: 'A'.repeat(101) }],
    ['control characters', { q: 'FC8520\u0000' }],
    ['control characters in the serial', { q: 'FC8520', serial: '12\n34' }],
  ] as const) {
    it(`refuses ${name} with a 400 and a reason`, async () => {
      const res = await t.app.inject({ url: '/api/v1/lookup', query: query as Record<string, string> });
      assert.equal(res.statusCode, 400);
      const { error } = res.json() as { error: { id: string; message: string; reason: string } };
      assert.equal(error.id, 'invalid-input');
      assert.ok(error.reason.length > 0);
      assert.ok(error.message.includes(error.reason));
    });
  }

  it('refuses a limit above 50', async () => {
    const res = await t.app.inject({ url: '/api/v1/lookup', query: { q: 'FC8520', limit: '51' } });
    assert.equal(res.statusCode, 400);
  });

  it('lists brands with their plate guides', async () => {
    const res = await t.app.inject({ url: '/api/v1/brands' });
    assert.equal(res.statusCode, 200);
    const { items } = res.json() as { items: { name: string }[] };
    assert.deepEqual(
      items.map((b) => b.name),
      ['Bosch', 'Miele', 'Philips', 'Siemens'],
    );
  });
});

describe('the lookup index after an import', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await addProducts(t.ctx, FIXTURE_SKUS);
  });
  after(() => t.close());

  it('finds newly imported and updated appliances without a restart', async () => {
    const before = await t.app.inject({ url: '/api/v1/lookup', query: { q: 'FC8520/09' } });
    assert.deepEqual(before.json().matches, []);
    const first = await importAppliances(t.ctx, FIXTURE_CSV);
    assert.ok(first.ok);
    await t.app.lookup.refresh(t.ctx, first.applianceIds);
    const found = await t.app.inject({ url: '/api/v1/lookup', query: { q: 'FC8520/09' } });
    assert.equal(found.json().matches[0].model, 'FC8520/09');

    const renamed = await importAppliances(
      t.ctx,
      'brand,model,name,category,aliases,variant,serial_from,serial_to,fits,notes\nPhilips,FC8520/09,PowerPro,vacuum,NEWALIAS99,,,,BAG-1,\n',
    );
    assert.ok(renamed.ok);
    await t.app.lookup.refresh(t.ctx, renamed.applianceIds);
    const byAlias = await t.app.inject({ url: '/api/v1/lookup', query: { q: 'newalias99' } });
    assert.equal(byAlias.json().matches[0].model, 'FC8520/09');
    const oldAlias = await t.app.inject({ url: '/api/v1/lookup', query: { q: '8710103000001' } });
    assert.equal(oldAlias.json().matches[0]?.match === 'alias', false);
  });
});

describe('ranking by how often an appliance was ordered', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await addFixtureRegistry(t);
  });
  after(() => t.close());

  it('puts the more ordered of equally good matches first, once the order counts are taken in', async () => {
    const first = async () =>
      (await t.app.inject({ url: '/api/v1/lookup', query: { q: 'FC8520' } })).json().matches[0].model;
    assert.equal(await first(), 'FC8520/01', 'without orders: the alphabetically first');
    const bosch = await t.db
      .selectFrom('appliances')
      .select('id')
      .where('model', '=', 'FC8520/77')
      .executeTakeFirstOrThrow();
    const added = await addToCart(t.ctx, null, 'BAG-2', 1, bosch.id);
    assert.ok(added.ok);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${added.cartId}/checkout`,
      headers: { 'idempotency-key': 'rank-by-orders' },
      payload: checkoutPayload({ shippingMethod: 'mailbox' }),
    });
    assert.equal(res.statusCode, 201, res.body);
    const counted = await t.db
      .selectFrom('appliances')
      .select('order_count')
      .where('id', '=', bosch.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(counted.order_count), 1, 'the order counted once for its appliance');
    await t.app.lookup.refreshOrderCounts(t.ctx);
    assert.equal(
      await first(),
      'FC8520/77',
      'the ordered appliance now ranks first among the prefix matches',
    );
  });
});

const onPostgres = (process.env.DATABASE_URL ?? '').startsWith('postgres');

describe('the lookup index in other processes', {
  skip: !onPostgres && 'PostgreSQL only (LISTEN/NOTIFY)',
}, () => {
  let t: TestApp;
  let other: LookupService;
  let otherDb: ReturnType<typeof openDb>;
  before(async () => {
    t = await startTestApp();
    await addProducts(t.ctx, FIXTURE_SKUS);
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
    otherDb = openDb(t.config.databaseUrl, { schema: rows[0]!.schema, poolSize: 2 });
    other = new LookupService();
    await other.load({ ...t.ctx, db: otherDb });
  });
  after(async () => {
    await other.close();
    await otherDb.destroy();
    await t.close();
  });

  it('refreshes a second service on its own pool after NOTIFY', async () => {
    const otherCtx = { ...t.ctx, db: otherDb };
    assert.deepEqual((await other.lookup(otherCtx, { q: 'S8340' })).matches, []);
    const result = await importAppliances(t.ctx, FIXTURE_CSV);
    assert.ok(result.ok);
    await t.app.lookup.refresh(t.ctx, result.applianceIds);
    const deadline = Date.now() + 5000;
    let models: string[] = [];
    while (Date.now() < deadline) {
      models = (await other.lookup(otherCtx, { q: 'S8340' })).matches.map((m) => m.model);
      if (models.length > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.deepEqual(models, ['S8340']);
  });
});
