import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { fixedClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Db, dbKind, openDb } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { addCategory, addProduct } from '../helpers/catalog-fixtures.ts';
import { checkInvariants } from '../helpers/order-invariants.ts';

/**
 * RELIABILITY item 9: the server is killed with SIGKILL while customers check out, and started again, three
 * times. Every order that was acknowledged with 201 must be there, complete, and I1–I3 must hold. SIGTERM lets
 * in-flight requests finish. Runs against a real server process on a database file (or a fresh PostgreSQL
 * database when DATABASE_URL points at PostgreSQL).
 */
const BIN = resolve(import.meta.dirname, '../../bin/toonbank.js');
const STOCK = 100_000;

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (base && dbKind(base) === 'postgres') {
    const name = `kill9_${randomBytes(5).toString('hex')}`;
    const admin = openDb(base, { poolSize: 1 });
    await sql`create database ${sql.id(name)}`.execute(admin);
    await admin.destroy();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const again = openDb(base, { poolSize: 1 });
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(again);
        await again.destroy();
      },
    };
  }
  return {
    url: `sqlite:${join(mkdtempSync(join(tmpdir(), 'toonbank-kill9-')), 'shop.db')}`,
    drop: async () => {},
  };
}

function startServer(databaseUrl: string, port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      SESSION_SECRET: 'k'.repeat(64),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((ready, fail) => {
    const deadline = Date.now() + 30_000;
    const poll = async () => {
      if (child.exitCode !== null) return fail(new Error(`the server exited with ${child.exitCode}`));
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) return ready(child);
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) return fail(new Error('the server did not start within 30 s'));
      setTimeout(poll, 100);
    };
    void poll();
  });
}

const checkoutBody = JSON.stringify({
  email: 'kim@example.nl',
  address: {
    name: 'Kim',
    street: 'Dorpsstraat',
    houseNumber: '1',
    postcode: '1234 AB',
    city: 'Utrecht',
    country: 'NL',
  },
  shippingMethod: 'parcel',
  paymentMethod: 'bank-transfer',
});

/** One customer: a cart, a line, a checkout. Resolves to the order number when the shop acknowledged it. */
async function customer(port: number): Promise<string | null> {
  const base = `http://127.0.0.1:${port}/api/v1`;
  const json = { 'content-type': 'application/json' };
  try {
    const cart = await fetch(`${base}/carts`, { method: 'POST' });
    if (cart.status !== 201) return null;
    const { id } = (await cart.json()) as { id: string };
    const line = await fetch(`${base}/carts/${id}/lines`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ sku: 'K-1', quantity: 1 }),
    });
    if (line.status !== 200) return null;
    const res = await fetch(`${base}/carts/${id}/checkout`, {
      method: 'POST',
      headers: { ...json, 'idempotency-key': randomBytes(16).toString('hex') },
      body: checkoutBody,
    });
    if (res.status !== 201) return null;
    return ((await res.json()) as { orderNumber: string }).orderNumber;
  } catch {
    return null; // the connection died with the server: not acknowledged
  }
}

/** Customers keep coming, 16 at a time, until `stop` says so. */
function load(port: number): { stop(): void; done: Promise<string[]> } {
  let running = true;
  const acknowledged: string[] = [];
  const worker = async () => {
    while (running) {
      const number = await customer(port);
      if (number) acknowledged.push(number);
    }
  };
  const done = Promise.all(Array.from({ length: 16 }, worker)).then(() => acknowledged);
  return { stop: () => (running = false), done };
}

describe('killing the server during checkouts', { timeout: 180_000 }, () => {
  let database: { url: string; drop(): Promise<void> };
  let db: Db;
  const dataDir = mkdtempSync(join(tmpdir(), 'toonbank-kill9-data-'));
  const acknowledged: string[] = [];

  before(async () => {
    database = await freshDatabase();
    db = openDb(database.url);
    await migrateToLatest(db);
    const ctx = {
      db,
      clock: fixedClock('2026-11-30T12:00:00Z'),
      config: loadConfig({ DATA_DIR: dataDir }),
      locale: 'en' as const,
    };
    await addCategory(ctx, 'bags');
    await addProduct(ctx, { sku: 'K-1', stock: STOCK, mailboxFit: false });
  });
  after(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('keeps every acknowledged order, complete, across three kill -9s', async () => {
    for (let round = 0; round < 3; round++) {
      const port = await freePort();
      const server = await startServer(database.url, port, dataDir);
      const traffic = load(port);
      await new Promise((r) => setTimeout(r, 700 + round * 300));
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      traffic.stop();
      acknowledged.push(...(await traffic.done));
    }
    assert.ok(acknowledged.length > 0, 'some orders were acknowledged before the kills');
    const stored = await db.selectFrom('orders').select('number').execute();
    const numbers = new Set(stored.map((o) => o.number));
    for (const n of acknowledged) assert.ok(numbers.has(n), `acknowledged order ${n} is there`);
    await checkInvariants({ db }, new Map([['K-1', STOCK]]));
  });

  it('starts again after the kills, and SIGTERM lets in-flight checkouts finish', async () => {
    const port = await freePort();
    const server = await startServer(database.url, port, dataDir);
    const inFlight = Array.from({ length: 8 }, () => customer(port));
    await new Promise((r) => setTimeout(r, 150));
    server.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => server.once('exit', (c) => r(c)));
    assert.equal(code, 0, 'a SIGTERM ends the server cleanly');
    const numbers = (await Promise.all(inFlight)).filter((n): n is string => n !== null);
    const stored = new Set((await db.selectFrom('orders').select('number').execute()).map((o) => o.number));
    for (const n of numbers) assert.ok(stored.has(n), `order ${n} answered during shutdown is stored`);
    await checkInvariants({ db }, new Map([['K-1', STOCK]]));
  });
});
