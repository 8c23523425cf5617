import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import type { Ctx } from '../context.ts';
import { openDb } from '../db/database.ts';
import { freshTestDb, type TestDb } from '../db/test-db.ts';
import { claimJob } from './claim-job.ts';
import { enqueueJob } from './enqueue-job.ts';
import { type JobKinds, RUN_AGAIN } from './job-kind.ts';
import { runJobsUntilIdle, runNextJob } from './run-jobs.ts';
import { startWorker } from './worker.ts';

const config = loadConfig({ LOG_LEVEL: 'silent' }, { sessionSecret: 'x'.repeat(32) });

describe('the job runner', () => {
  let testDb: TestDb;
  let ctx: Ctx;
  let clock: ReturnType<typeof fixedClock>;
  const closers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    testDb = await freshTestDb();
    clock = fixedClock('2026-11-30T12:00:00Z');
    ctx = { db: testDb.db, clock, config, locale: 'en' };
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await testDb.destroy();
  });
  after(() => {});

  const job = (id: string) =>
    testDb.db.selectFrom('jobs').selectAll().where('idempotency_key', '=', id).executeTakeFirstOrThrow();

  it('runs a due job once and marks it done; a job not yet due waits', async () => {
    const runs: string[] = [];
    const kinds: JobKinds = { echo: { maxAttempts: 3, run: async (_c, j) => void runs.push(j.id) } };
    await enqueueJob(ctx, { kind: 'echo', payload: {}, idempotencyKey: 'a' });
    await enqueueJob(ctx, {
      kind: 'echo',
      payload: {},
      idempotencyKey: 'later',
      runAt: '2026-11-30T13:00:00.000Z',
    });
    assert.equal(await enqueueJob(ctx, { kind: 'echo', payload: {}, idempotencyKey: 'a' }), false);
    const outcomes = await runJobsUntilIdle(ctx, kinds);
    assert.deepEqual(
      outcomes.map((o) => o.outcome),
      ['done'],
    );
    assert.equal((await job('a')).status, 'done');
    assert.equal((await job('later')).status, 'pending');
    assert.equal(runs.length, 1);
  });

  it('a job that returns RUN_AGAIN goes on after the jobs due before it, without using up an attempt', async () => {
    const ran: string[] = [];
    let slices = 3;
    const kinds: JobKinds = {
      long: {
        maxAttempts: 1,
        run: async () => {
          ran.push(`long ${slices}`);
          return --slices > 0 ? RUN_AGAIN : undefined;
        },
      },
      echo: { maxAttempts: 1, run: async (_c, j) => void ran.push(`echo ${j.payload}`) },
    };
    await enqueueJob(ctx, { kind: 'long', payload: {}, idempotencyKey: 'long' });
    await enqueueJob(ctx, { kind: 'echo', payload: 1, idempotencyKey: 'e1' });
    clock.advance({ seconds: 1 });
    assert.equal((await runNextJob(ctx, kinds))?.outcome, 'again');
    assert.deepEqual(
      [(await job('long')).status, (await job('long')).attempts, (await job('long')).run_at],
      ['pending', 0, '2026-11-30T12:00:01.000Z'],
    );
    // queued while the long job worked: due before its next slice
    clock.advance({ seconds: 1 });
    await enqueueJob(ctx, {
      kind: 'echo',
      payload: 2,
      idempotencyKey: 'e2',
      runAt: '2026-11-30T12:00:00.500Z',
    });
    const rest = await runJobsUntilIdle(ctx, kinds);
    assert.deepEqual(
      rest.map((o) => [o.kind, o.outcome]),
      [
        ['echo', 'done'],
        ['echo', 'done'],
        ['long', 'again'],
        ['long', 'done'],
      ],
    );
    assert.deepEqual(ran, ['long 3', 'echo 1', 'echo 2', 'long 2', 'long 1']);
    assert.deepEqual([(await job('long')).status, (await job('long')).attempts], ['done', 1]);
  });

  it('retries a failing job after an exponential back-off, then succeeds', async () => {
    let failures = 2;
    const kinds: JobKinds = {
      flaky: {
        maxAttempts: 5,
        backoffMs: 1000,
        run: async () => {
          if (failures-- > 0) throw new Error('smtp said 451');
        },
      },
    };
    await enqueueJob(ctx, { kind: 'flaky', payload: {}, idempotencyKey: 'f' });
    assert.equal((await runNextJob(ctx, kinds))?.outcome, 'retry');
    let row = await job('f');
    assert.equal(row.status, 'pending');
    assert.equal(row.last_error, 'smtp said 451');
    assert.equal(row.run_at, '2026-11-30T12:00:01.000Z');
    assert.equal(await runNextJob(ctx, kinds), null, 'not due before its back-off');
    clock.advance({ seconds: 1 });
    assert.equal((await runNextJob(ctx, kinds))?.outcome, 'retry');
    row = await job('f');
    assert.equal(row.run_at, '2026-11-30T12:00:03.000Z', 'twice the delay the second time');
    clock.advance({ seconds: 2 });
    assert.equal((await runNextJob(ctx, kinds))?.outcome, 'done');
    row = await job('f');
    assert.equal(row.status, 'done');
    assert.equal(row.attempts, 3);
  });

  it('gives up after the declared max attempts and keeps the last error', async () => {
    let n = 0;
    const kinds: JobKinds = {
      broken: {
        maxAttempts: 3,
        backoffMs: 10,
        run: async () => {
          throw new Error(`failure ${++n}`);
        },
      },
    };
    await enqueueJob(ctx, { kind: 'broken', payload: {}, idempotencyKey: 'b' });
    for (let i = 0; i < 5; i++) {
      await runJobsUntilIdle(ctx, kinds);
      clock.advance({ minutes: 1 });
    }
    const row = await job('b');
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 3);
    assert.equal(row.last_error, 'failure 3');
    assert.equal(n, 3);
  });

  it('claims a job again when its worker died and the lease ran out; the dead claim can no longer finish it', async () => {
    const runs: number[] = [];
    const kinds: JobKinds = { work: { maxAttempts: 3, run: async (_c, j) => void runs.push(j.attempt) } };
    await enqueueJob(ctx, { kind: 'work', payload: {}, idempotencyKey: 'w' });
    const dead = await claimJob(ctx, ['work'], 60_000); // a worker claims it, then is killed
    assert.ok(dead);
    assert.deepEqual(await runJobsUntilIdle(ctx, kinds, { leaseMs: 60_000 }), [], 'the lease still holds');
    clock.advance({ seconds: 61 });
    const outcomes = await runJobsUntilIdle(ctx, kinds, { leaseMs: 60_000 });
    assert.deepEqual(
      outcomes.map((o) => [o.outcome, o.attempt]),
      [['done', 2]],
    );
    assert.deepEqual(runs, [2]);
    // the dead worker's late finish (guarded by its token) changes nothing
    const late = await testDb.db
      .updateTable('jobs')
      .set({ status: 'failed' })
      .where('id', '=', dead.job.id)
      .where('locked_by', '=', dead.token)
      .executeTakeFirst();
    assert.equal(late.numUpdatedRows, 0n);
    assert.equal((await job('w')).status, 'done');
  });

  it('keeps the claim of a job that runs longer than its lease', async () => {
    let stolen: unknown = 'not tried';
    const kinds: JobKinds = {
      long: {
        maxAttempts: 1,
        run: async () => {
          // the job works for over three leases of (shop) time, as a big import would
          for (let i = 0; i < 5; i++) {
            clock.advance({ milliseconds: 100 });
            await new Promise((resolve) => setTimeout(resolve, 80));
          }
          stolen = await claimJob(ctx, ['long'], 150);
        },
      },
    };
    await enqueueJob(ctx, { kind: 'long', payload: {}, idempotencyKey: 'long' });
    const outcomes = await runJobsUntilIdle(ctx, kinds, { leaseMs: 150 });
    assert.equal(stolen, null, 'no other worker could claim it while it ran');
    assert.deepEqual(
      outcomes.map((o) => [o.outcome, o.attempt]),
      [['done', 1]],
    );
  });

  it('never lets two workers run the same job', async () => {
    const second: Ctx = process.env.DATABASE_URL
      ? { ...ctx, db: openDb(testDb.url, { schema: testDb.schema!, poolSize: 5 }) } // another pool, like another process
      : ctx; // SQLite: a second loop on the same database
    if (second.db !== ctx.db) closers.push(() => second.db.destroy());
    const runs = new Map<string, number>();
    const kinds: JobKinds = {
      count: {
        maxAttempts: 1,
        run: async (_c, j) => {
          runs.set(j.id, (runs.get(j.id) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 1));
        },
      },
    };
    for (let i = 0; i < 60; i++)
      await enqueueJob(ctx, { kind: 'count', payload: { i }, idempotencyKey: `c${i}` });
    const [a, b] = await Promise.all([runJobsUntilIdle(ctx, kinds), runJobsUntilIdle(second, kinds)]);
    assert.equal(a.length + b.length, 60);
    assert.equal(runs.size, 60);
    assert.ok([...runs.values()].every((n) => n === 1));
    if (process.env.DATABASE_URL) assert.ok(a.length > 0 && b.length > 0, 'both workers took jobs');
  });

  it('a worker loop runs what is enqueued and stops cleanly', async () => {
    const runs: string[] = [];
    const kinds: JobKinds = { echo: { maxAttempts: 1, run: async (_c, j) => void runs.push(j.id) } };
    const log = { info: () => {}, error: () => {} };
    const worker = startWorker(ctx, kinds, { pollMs: 10, log });
    await enqueueJob(ctx, { kind: 'echo', payload: {}, idempotencyKey: 'x' });
    for (let i = 0; i < 200 && runs.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await worker.stop();
    assert.equal(runs.length, 1);
    assert.equal((await job('x')).status, 'done');
  });
});
