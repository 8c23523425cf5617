/**
 * Part (b) of `npm run bench:gateway`: a staff message to 1,000,000 customers with random preferences, decided
 * and enqueued end to end — every recipient decided with the gateway's `decide`, and recorded as the gateway
 * records any message (the message row, its 'queued' decision with the reason, and a delivery job for those sent
 * now or held, the digest job for those folded into the digest; a dropped recipient as one `broadcast_drops` row
 * with the reason) — on SQLite (a file, WAL, synchronous=NORMAL) and on PostgreSQL (a fresh schema,
 * synchronous_commit on). Target: ≤ 30 s. A benchmark, not a test: it prints a markdown table and exits 0
 * whatever the figures.
 *
 * Timed: what happens after the staff member presses "send" on /admin/messages — `requestBroadcastSend` enqueues
 * the 'broadcast-send' job, and the job runner claims and runs it (`runBroadcast`, the job's own code, here
 * with a stopwatch per stage: reading the audience and its facts, deciding, writing the rows with the progress),
 * in slices of BROADCAST_SLICE_MS after each of which the job is claimed again (RUN_AGAIN), as a worker runs it.
 * The preview (`createBroadcast`: the first 20,000 customers in the request, the rest by the 'broadcast-preview'
 * job) is timed too, but is not part of the target.
 * Named baseline, measured in the same run: the naive path, one `requestMessage` per recipient (what a loop over
 * the audience would do), on BASELINE_N recipients, extrapolated linearly to N.
 *
 * Population (deterministic PRNG): half the customers saved preferences (the rest have the defaults: offers
 * off); of those, 60 % turned offers on (with the consent-ledger row the gateway requires), 30 % have quiet
 * hours 21:00–08:00, 30 % a limit of 1–6 messages per week or month, 20 % received 1–3 offers in the last 30
 * days, 1 % of addresses are suppressed. The message has about 1 KB of text per language. The clock is a Monday
 * 22:30 in Amsterdam.
 *
 * Settings: N (1,000,000), BASELINE_N (1,000), DB (sqlite,postgres), PG_URL
 * (postgres://postgres@127.0.0.1:5432/test).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { fixedClock } from '../src/clock.ts';
import { type Config, loadConfig } from '../src/config.ts';
import type { Ctx } from '../src/context.ts';
import { addressHash } from '../src/customers/suppression.ts';
import { type Db, openDb } from '../src/db/database.ts';
import { newId } from '../src/db/ids.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { RUN_AGAIN } from '../src/jobs/job-kind.ts';
import { runJobsUntilIdle } from '../src/jobs/run-jobs.ts';
import { loadAudience } from '../src/messaging/broadcast/audience.ts';
import { type BroadcastCounts, reachOf } from '../src/messaging/broadcast/broadcast-counts.ts';
import { bulkStatement } from '../src/messaging/broadcast/bulk-insert.ts';
import { BROADCAST_PREVIEW_JOB, createBroadcast } from '../src/messaging/broadcast/create-broadcast.ts';
import { broadcastPreviewJob } from '../src/messaging/broadcast/preview-job.ts';
import {
  BROADCAST_SEND_JOB,
  BROADCAST_SLICE_MS,
  type BroadcastStageTimes,
  broadcastSendJob,
  requestBroadcastSend,
  runBroadcast,
} from '../src/messaging/broadcast/send-broadcast.ts';
import { requestMessage } from '../src/messaging/gateway/request-message.ts';
import { defaultPreferences, type Preferences } from '../src/preferences/preferences.ts';

const N = Number(process.env.N ?? 1_000_000);
const BASELINE_N = Math.min(N, Number(process.env.BASELINE_N ?? 1_000));
const DBS = (process.env.DB ?? 'sqlite,postgres').split(',');
const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NOW = '2026-11-30T21:30:00Z';

let seed = 0x2545f491;
function rand(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** N customers with random preferences, their consent rows, recent offers and a few suppressed addresses. */
async function populate(db: Db, config: Config): Promise<void> {
  seed = 0x2545f491;
  const created = '2026-01-01T00:00:00.000Z';
  const consentAt = '2026-02-01T00:00:00.000Z';
  const chunk = 100_000;
  for (let start = 0; start < N; start += chunk) {
    const customers: (string | null)[][] = [];
    const prefs: (string | null)[][] = [];
    const ledger: (string | null)[][] = [];
    const sent: (string | null)[][] = [];
    for (let i = start; i < Math.min(N, start + chunk); i++) {
      const id = newId(Date.parse(created));
      const locale = rand() < 0.5 ? 'nl' : 'en';
      customers.push([id, `c${i}@example.nl`, locale]);
      if (rand() < 0.5) {
        const p: Preferences = defaultPreferences(locale, 'Europe/Amsterdam');
        const offers = rand() < 0.6;
        if (offers) p.topics.offers = 'on';
        if (rand() < 0.3) p.quiet.hours = { from: '21:00', to: '08:00' };
        if (rand() < 0.3)
          p.frequency = { max: 1 + Math.floor(rand() * 6), per: rand() < 0.5 ? 'week' : 'month' };
        prefs.push([id, JSON.stringify(p)]);
        if (offers) ledger.push([newId(), id]);
        if (offers && rand() < 0.2) {
          const n = 1 + Math.floor(rand() * 3);
          for (let k = 0; k < n; k++) {
            const at = new Date(Date.parse(NOW) - (1 + Math.floor(rand() * 28)) * 86_400_000).toISOString();
            sent.push([newId(), `seed:${id}:${k}`, id, `c${i}@example.nl`, at]);
          }
        }
      }
    }
    await db.transaction().execute(async (trx) => {
      await bulkStatement(
        trx,
        ['id', 'email', 'locale'],
        customers,
        `insert into customers (id, email, email_verified_at, name, phone, locale, household_id, created_at, updated_at)
         select v.id, v.email, ?, null, null, v.locale, null, ?, ? from v`,
        [created, created, created],
      );
      await bulkStatement(
        trx,
        ['customer_id', 'doc_json'],
        prefs,
        `insert into customer_preferences (customer_id, revision, doc_json, updated_at) select v.customer_id, 1, v.doc_json, ? from v`,
        [consentAt],
      );
      await bulkStatement(
        trx,
        ['id', 'customer_id'],
        ledger,
        `insert into consent_ledger (id, customer_id, at, subject, old_value, new_value, source, wording_version, channel, actor, staff_id, staff_name, note)
         select v.id, v.customer_id, ?, 'topics.offers', '"off"', '"on"', 'preference-centre', 'bench', null, 'customer', null, null, null from v`,
        [consentAt],
      );
      await bulkStatement(
        trx,
        ['id', 'idempotency_key', 'customer_id', 'to_address', 'sent_at'],
        sent,
        `insert into gateway_messages (id, idempotency_key, customer_id, to_address, topic, template, data_json, locale, subject, urgency, deadline, on_request, status, channel, reason, hold_until, decisions, created_at, updated_at, sent_at)
         select v.id, v.idempotency_key, v.customer_id, v.to_address, 'offers', 'staff-message', '{}', 'nl', 'Eerder', 'low', null, 0, 'sent', 'email', 'consent', null, 2, v.sent_at, v.sent_at, v.sent_at from v`,
      );
    });
  }
  const suppressed: string[][] = [];
  for (let i = 0; i < N; i += 100) suppressed.push([addressHash(config.sessionSecret, `c${i}@example.nl`)]);
  await db
    .transaction()
    .execute((trx) =>
      bulkStatement(
        trx,
        ['address_hash'],
        suppressed,
        `insert into suppressed_addresses (address_hash, reason, created_at) select v.address_hash, 'hard-bounce', ? from v`,
        [created],
      ),
    );
}

/** About 1 KB of text per language, like a real staff message. */
const paragraph = (words: string) => `${words} `.repeat(Math.ceil(1000 / (words.length + 1))).trim();
const DRAFT = {
  subjectNl: 'Nieuw: filters voor je stofzuiger',
  subjectEn: 'New: filters for your vacuum cleaner',
  bodyNl: paragraph('Er zijn nieuwe filters die in je stofzuiger passen.'),
  bodyEn: paragraph('There are new filters that fit your vacuum cleaner.'),
};

type Row = {
  db: string;
  populate: number;
  preview: number;
  times: BroadcastStageTimes;
  total: number;
  cpu: number;
  baseline: number;
  counts: string;
  same: boolean;
  slices: number;
  /** The preview's part in the staff member's request. */
  requestMs: number;
};

function describe(c: BroadcastCounts): string {
  return `${c.now} now, ${reachOf(c) - c.now} held, ${Object.entries(c.excluded)
    .map(([r, n]) => `${n} ${r}`)
    .join(', ')}`;
}

async function run(kind: string): Promise<Row> {
  let url: string;
  let schema: string | undefined;
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = openDb(PG_URL, { poolSize: 1 });
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    await admin.destroy();
    url = PG_URL;
    const s = schema;
    cleanup = async () => {
      const admin2 = openDb(PG_URL, { poolSize: 1 });
      await sql`drop schema ${sql.id(s)} cascade`.execute(admin2);
      await admin2.destroy();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'toonbank-broadcast-'));
    url = `sqlite:${join(dir, 'bench.db')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const db = openDb(url, { ...(schema ? { schema } : {}), poolSize: 4 });
  try {
    await migrateToLatest(db, schema ? { schema } : {});
    const config = loadConfig(
      { LOG_LEVEL: 'silent', DATA_DIR: tmpdir(), SEED_DEMO: 'false' },
      { sessionSecret: randomBytes(32).toString('hex'), databaseUrl: url },
    );
    const ctx: Ctx = { db, clock: fixedClock(NOW), config, locale: 'en' };
    let t = performance.now();
    await populate(db, config);
    const populateMs = performance.now() - t;

    // the staff member writes the message and sees the preview: the first customers counted in the request, the
    // rest by the 'broadcast-preview' job (not timed against the target)
    t = performance.now();
    const draft = await createBroadcast(
      ctx,
      { audience: { kind: 'offers' }, ...DRAFT },
      { id: 'bench', name: 'Bench' },
    );
    if (!draft.ok) throw new Error(draft.reason);
    const requestMs = performance.now() - t;
    await runJobsUntilIdle(ctx, { [BROADCAST_PREVIEW_JOB]: broadcastPreviewJob });
    const previewMs = performance.now() - t;
    const previewed = await db
      .selectFrom('broadcasts')
      .select(['preview_json', 'preview_cursor'])
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    if (previewed.preview_cursor !== null) throw new Error('the preview did not finish');

    // "send": the job is enqueued, and a worker claims it and runs the job's own code, stage by stage timed
    const times: BroadcastStageTimes = { loadMs: 0, decideMs: 0, recordMs: 0, chunks: 0 };
    let slices = 0;
    t = performance.now();
    const cpu = process.cpuUsage();
    await requestBroadcastSend(ctx, draft.id);
    const outcomes = await runJobsUntilIdle(ctx, {
      [BROADCAST_SEND_JOB]: {
        ...broadcastSendJob,
        run: async (c, job) => {
          const result = await runBroadcast(c, (job.payload as { broadcastId: string }).broadcastId, {
            times,
            sliceMs: BROADCAST_SLICE_MS,
          });
          return result.ok && result.paused ? RUN_AGAIN : undefined;
        },
      },
    });
    const totalMs = performance.now() - t;
    const totalCpu = cpuMs(process.cpuUsage(cpu));
    // the job works in slices (RUN_AGAIN) and is claimed again at once: nothing else is queued here
    if (outcomes.at(-1)?.outcome !== 'done' || outcomes.slice(0, -1).some((o) => o.outcome !== 'again'))
      throw new Error(JSON.stringify(outcomes));
    slices = outcomes.length;
    const b = await db
      .selectFrom('broadcasts')
      .selectAll()
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    if (b.status !== 'sent' || b.enqueued_count !== N)
      throw new Error(`recorded ${b.enqueued_count} of ${N}`);
    const sent = JSON.parse(b.result_json!) as BroadcastCounts;
    const jobs = await db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'gateway-deliver')
      .executeTakeFirstOrThrow();
    if (Number(jobs.n) !== reachOf(sent)) throw new Error(`${jobs.n} delivery jobs for ${reachOf(sent)}`);

    // baseline: one requestMessage per recipient, as a loop over the audience would do it
    const sample = await loadAudience(ctx, { kind: 'offers' }, { after: null, limit: BASELINE_N });
    t = performance.now();
    for (const r of sample) {
      await requestMessage(ctx, {
        customerId: r.id,
        to: r.email,
        topic: 'offers',
        template: 'staff-message',
        urgency: 'low',
        idempotencyKey: `baseline:${r.id}`,
        deadline: new Date(Date.parse(NOW) + 14 * 86_400_000).toISOString(),
        data: { ...DRAFT, broadcastId: 'baseline' },
      });
    }
    const baselineMs = ((performance.now() - t) / sample.length) * N;
    return {
      db: kind,
      populate: populateMs,
      preview: previewMs,
      times,
      total: totalMs,
      cpu: totalCpu,
      baseline: baselineMs,
      counts: describe(sent),
      same: JSON.stringify(sent) === previewed.preview_json,
      requestMs,
      slices,
    };
  } finally {
    await db.destroy();
    await cleanup();
  }
}

const rows: Row[] = [];
for (const kind of DBS) {
  console.error(`${kind}: populating ${N.toLocaleString('en')} customers…`);
  rows.push(await run(kind));
}
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(
  `\n### Staff message to ${N.toLocaleString('en')} customers, decided and enqueued (load average ${load} on ${cpus().length} cores)\n`,
);
console.log(
  `| database | read audience + facts (s) | decide (s) | write (s) | **send job, end to end (s)** | target | CPU of this process (s) | baseline: one requestMessage per recipient, ${BASELINE_N.toLocaleString('en')} extrapolated (s) | speed-up | (preview, s) | (populate, s) |`,
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.db} | ${seconds(r.times.loadMs)} | ${seconds(r.times.decideMs)} | ${seconds(r.times.recordMs)} | **${seconds(r.total)}** | ≤ 30 s: ${r.total <= 30_000 ? 'met' : 'NOT met'} | ${seconds(r.cpu)} | ${seconds(r.baseline)} | ${(r.baseline / r.total).toFixed(0)}× | ${seconds(r.preview)} | ${seconds(r.populate)} |`,
  );
for (const r of rows)
  console.log(
    `\n${r.db}: ${r.counts}; ${r.times.chunks} chunks in ${r.slices} runs of the job; preview ${r.same ? '=' : '≠'} sent; preview ${seconds(r.requestMs)} s in the request, ${seconds(r.preview)} s in all`,
  );
