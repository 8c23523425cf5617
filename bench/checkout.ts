/**
 * `npm run bench:checkout` — how many orders per second the shop takes over real HTTP, on SQLite and on
 * PostgreSQL. A benchmark, not a test: it prints a markdown table and exits 0 whatever the figures.
 *
 * For each database the shop runs in its own process (this file with `--serve`: `buildApp` + `app.listen`
 * on 127.0.0.1, logging off) so it does not share an event loop with the load generator (node:http with a
 * keep-alive agent, in this process). SQLite is a file in WAL mode with `synchronous = NORMAL`; PostgreSQL
 * keeps its default `synchronous_commit = on`: every acknowledged order is durable.
 *
 * Per database: N concurrent customers each create a cart and add a line (phase 1), then all check out
 * (phase 2, timed: orders/s and checkout latency); then the last-units run: 200 buyers, 5 units.
 *
 * Options: --customers=N (concurrency, 64), --orders=M (orders per database, 4000),
 * --db=sqlite,postgres (which stores), --profile (CPU profile of the shop into $TMPDIR/toonbank-bench-prof), PG_URL (default postgres://postgres@127.0.0.1:5432/test).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openDb } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildApp } from '../src/web/app.ts';
import { checkoutBody, PRODUCTS, pool, seedCheckoutShop } from './checkout-fixtures.ts';

const { values: opts } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    url: { type: 'string' },
    schema: { type: 'string' },
    customers: { type: 'string', default: '64' },
    orders: { type: 'string', default: '4000' },
    db: { type: 'string', default: 'sqlite,postgres' },
    profile: { type: 'boolean', default: false },
  },
});

/** The shop under test: a fresh database with PRODUCTS plenty-in-stock products and one with 5 units. */
async function serve(url: string, schema: string | undefined): Promise<void> {
  const db = openDb(url, { ...(schema ? { schema } : {}), poolSize: 20 });
  await migrateToLatest(db, schema ? { schema } : {});
  await seedCheckoutShop(db);
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'toonbank-bench-')), SEED_DEMO: 'false' },
    { sessionSecret: randomBytes(32).toString('hex'), databaseUrl: url },
  );
  const app = await buildApp(config, { db });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
  process.on('SIGTERM', async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  });
}

type Res = { status: number; body: string; ms: number };

function call(
  agent: Agent,
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Res> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

async function cartWith(agent: Agent, base: string, sku: string): Promise<string> {
  const created = await call(agent, base, 'POST', '/api/v1/carts');
  const { id } = JSON.parse(created.body) as { id: string };
  const added = await call(agent, base, 'POST', `/api/v1/carts/${id}/lines`, { sku, quantity: 1 });
  if (added.status !== 200) throw new Error(`add line answered ${added.status}: ${added.body}`);
  return id;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(
  name: string,
  url: string,
  schema: string | undefined,
  customers: number,
  orders: number,
) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${tmpdir()}/toonbank-bench-prof`] : []),
      '--import',
      'tsx',
      import.meta.filename,
      '--serve',
      `--url=${url}`,
      ...(schema ? [`--schema=${schema}`] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((done, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /listening (\d+)/.exec(d.toString());
      if (m) done(Number(m[1]));
    });
    child.once('exit', (code) => fail(new Error(`${name} server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const agent = new Agent({ keepAlive: true, maxSockets: customers });
  try {
    // warm-up: compile the routes and fill the connection pool
    const warm = await pool(200, customers, (i) => cartWith(agent, base, `BENCH-${i % PRODUCTS}`));
    await pool(warm.length, customers, (i) =>
      call(agent, base, 'POST', `/api/v1/carts/${warm[i]}/checkout`, checkoutBody, {
        'idempotency-key': randomUUID(),
      }),
    );

    const t0 = performance.now();
    const carts = await pool(orders, customers, (i) => cartWith(agent, base, `BENCH-${i % PRODUCTS}`));
    const t1 = performance.now();
    const results = await pool(orders, customers, (i) =>
      call(agent, base, 'POST', `/api/v1/carts/${carts[i]}/checkout`, checkoutBody, {
        'idempotency-key': randomUUID(),
      }),
    );
    const t2 = performance.now();
    const placed = results.filter((r) => r.status === 201).length;
    const latencies = results.map((r) => r.ms).sort((a, b) => a - b);

    const buyers = await pool(200, customers, () => cartWith(agent, base, 'LAST-UNITS'));
    const last = await Promise.all(
      buyers.map((id) =>
        call(agent, base, 'POST', `/api/v1/carts/${id}/checkout`, checkoutBody, {
          'idempotency-key': randomUUID(),
        }),
      ),
    );
    const codes = new Map<number, number>();
    for (const r of last) codes.set(r.status, (codes.get(r.status) ?? 0) + 1);
    return {
      name,
      ordersPerSecond: placed / ((t2 - t1) / 1000),
      journeyPerSecond: placed / ((t2 - t0) / 1000),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      failed: orders - placed,
      lastUnits: [...codes]
        .sort()
        .map(([code, n]) => `${n}×${code}`)
        .join(', '),
    };
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function main(): Promise<void> {
  const customers = Number(opts.customers);
  const orders = Number(opts.orders);
  const rows = [];
  for (const store of opts.db!.split(',')) {
    if (store === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'toonbank-bench-db-'));
      try {
        rows.push(
          await measure(
            'SQLite (file, WAL, synchronous=NORMAL)',
            `sqlite:${join(dir, 'bench.db')}`,
            undefined,
            customers,
            orders,
          ),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else if (store === 'postgres') {
      const url = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
      const schema = `bench_${randomBytes(4).toString('hex')}`;
      const admin = openDb(url, { poolSize: 1 });
      await sql`create schema ${sql.id(schema)}`.execute(admin);
      try {
        rows.push(
          await measure('PostgreSQL (synchronous_commit=on, pool 20)', url, schema, customers, orders),
        );
      } catch (error) {
        console.error(`PostgreSQL: ${(error as Error).message}`);
      } finally {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
        await admin.destroy();
      }
    }
  }
  console.log(`\n${orders} orders, ${customers} concurrent customers, 1 line each, over HTTP on 127.0.0.1\n`);
  console.log(
    '| store | orders/s (checkout) | orders/s (cart + line + checkout) | checkout p50 | checkout p99 | failed | last units (200 buyers, 5 in stock) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.ordersPerSecond.toFixed(0)} | ${r.journeyPerSecond.toFixed(0)} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.failed} | ${r.lastUnits} |`,
    );
  }
}

if (opts.serve) await serve(opts.url!, opts.schema);
else await main();
