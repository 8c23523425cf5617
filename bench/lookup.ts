/**
 * Type-plate lookup benchmark: Toonbank's LookupIndex against PostgreSQL pg_trgm, MiniSearch
 * and FlexSearch on the same generated catalogue and queries, single-threaded.
 * Run: `N=1000000 Q=10000 npm run bench:lookup` (needs --expose-gc, set by the script).
 * Settings: N models (default 1,000,000); Q queries for Toonbank (default 10,000); SLOW_Q
 * queries for the baselines (default 500, every Q/SLOW_Q-th query); LOOKUP_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/test); FLEX=1 runs FlexSearch above 200k models;
 * BASELINES=0 runs Toonbank's index alone, for quick iterations (`N=200000 BASELINES=0`).
 * Baselines get the query with brand words removed and normalised, so they compete on
 * matching only; Toonbank parses the raw text itself. Latencies include the JS call only
 * (for pg: the round trip); a loaded machine shows up in p99 first.
 */
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import pg from 'pg';
import { LookupIndex, maxEdits } from '../src/appliances/lookup-index.ts';
import { normaliseModel } from '../src/appliances/normalise-model.ts';
import { queryParser } from '../src/appliances/query-parser.ts';
import { type BenchQuery, benchBrands, generateAppliances, makeQueries, QUERY_KINDS } from './lookup-data.ts';

const N = Number(process.env.N ?? 1_000_000);
const Q = Number(process.env.Q ?? 10_000);
const SLOW_Q = Number(process.env.SLOW_Q ?? 500);
const PG_URL = process.env.LOOKUP_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BASELINES = process.env.BASELINES !== '0';

type Row = {
  engine: string;
  queries: number;
  qps: number;
  p50: number;
  p99: number;
  r1: number;
  r5: number;
  build: number;
  heap: string;
};
type Outcome = { query: BenchQuery; ids: string[]; ms: number };

const gc = () => {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
};
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
const now = () => performance.now();

function recall(ids: string[], expected: string[], k: number): number {
  const want = new Set(expected);
  const found = ids.slice(0, k).filter((id) => want.has(id)).length;
  return found / Math.min(k, expected.length);
}

/** Warms the JIT (and caches) on `warm` queries, then times every query once. */
async function run(
  queries: BenchQuery[],
  warm: number,
  search: (q: BenchQuery) => string[] | Promise<string[]>,
) {
  for (const q of queries.slice(0, warm)) await search(q);
  const outcomes: Outcome[] = [];
  const t0 = now();
  for (const query of queries) {
    const t = now();
    const ids = await search(query);
    outcomes.push({ query, ids, ms: now() - t });
  }
  return { outcomes, total: now() - t0 };
}

function summarise(engine: string, outcomes: Outcome[], total: number, build: number, heap: string): Row {
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
  const mean = (f: (o: Outcome) => number) => outcomes.reduce((s, o) => s + f(o), 0) / outcomes.length;
  return {
    engine,
    queries: outcomes.length,
    qps: (outcomes.length / total) * 1000,
    p50: at(0.5),
    p99: at(0.99),
    r1: mean((o) => recall(o.ids, o.query.expected, 1)),
    r5: mean((o) => recall(o.ids, o.query.expected, 5)),
    build,
    heap,
  };
}

function heapDelta(before: NodeJS.MemoryUsage): string {
  gc();
  const after = process.memoryUsage();
  return `${mb(after.heapUsed - before.heapUsed)} heap + ${mb(after.arrayBuffers - before.arrayBuffers)} arrayBuffers`;
}

const log = (...args: unknown[]) => console.error(...args);
const fmt = (n: number, d = 3) => n.toFixed(d);
const header =
  '| engine | queries | queries/s | p50 ms | p99 ms | recall@1 | recall@5 | build s | memory MB |\n|---|---|---|---|---|---|---|---|---|';
const tableRow = (r: Row) =>
  `| ${r.engine} | ${r.queries} | ${r.qps.toFixed(0)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.r1 * 100, 2)} % | ${fmt(r.r5 * 100, 2)} % | ${fmt(r.build / 1000, 1)} | ${r.heap} |`;
/** Rows also go to stderr as they finish, so a long run that is cut short still reports. */
const addRow = (r: Row) => {
  rows.push(r);
  log(tableRow(r));
};
const parse = queryParser(benchBrands);
const modelText = (q: BenchQuery) => parse(q.text).model;

/** In a function of its own, so no temporary of the build outlives it on the stack. */
function measureToonbankMemory(): string {
  gc();
  const before = process.memoryUsage();
  const probe = LookupIndex.build(generateAppliances(N, 1), benchBrands);
  const memory = heapDelta(before);
  log(`  ${memory} for ${probe.size} appliances`);
  return memory;
}

log(`measuring the memory of a ${N}-model LookupIndex…`);
const toonbankMemory = measureToonbankMemory();

log(`generating ${N} appliances…`);
let t = now();
const models = [...generateAppliances(N, 1)];
log(`  ${(now() - t).toFixed(0)} ms; making ${Q} queries…`);
const queries = makeQueries(models, Q, 2);
const rows: Row[] = [];
log(
  `N = ${N} appliances, ${queries.length} queries (baselines: ${SLOW_Q}-query subset), node ${process.version}`,
);
const slow = queries
  .filter((_, i) => i % Math.max(1, Math.floor(queries.length / SLOW_Q)) === 0)
  .slice(0, SLOW_Q);
const notes: string[] = [];

// Toonbank: memory was measured above, before `models` existed, so the index shares no
// strings with it and the heap is small enough for the delta to be exact.
{
  t = now();
  const lookup = LookupIndex.build(models, benchBrands);
  const build = now() - t;
  const { outcomes, total } = await run(queries, 2000, (q) => lookup.search(q.text).hits.map((h) => h.id));
  addRow(summarise('Toonbank LookupIndex', outcomes, total, build, toonbankMemory));
  const perKind = QUERY_KINDS.map((kind) => {
    const of = outcomes.filter((o) => o.query.kind === kind);
    const r = summarise(
      kind,
      of,
      of.reduce((s, o) => s + o.ms, 0),
      0,
      '',
    );
    return `| ${kind} | ${of.length} | ${(r.r1 * 100).toFixed(2)} | ${(r.r5 * 100).toFixed(2)} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} |`;
  });
  notes.push(
    [
      'Toonbank per query kind:\n',
      '| kind | n | recall@1 % | recall@5 % | p50 ms | p99 ms |',
      '|---|---|---|---|---|---|',
      ...perKind,
    ].join('\n'),
  );
  const misses = outcomes.filter((o) => recall(o.ids, o.query.expected, 5) < 1).slice(0, 12);
  log(
    'sample misses:',
    misses.map(
      (o) =>
        `${o.query.kind} '${o.query.text}' want ${o.query.expected[0]} (${models[Number(o.query.expected[0]!.slice(4))]?.model}) got ${o.ids.slice(0, 3).join(',')}`,
    ),
  );
}

if (BASELINES) await pgTrgm();

if (BASELINES) {
  gc();
  const before = process.memoryUsage();
  t = now();
  let mini: MiniSearch | null = new MiniSearch({
    fields: ['model', 'aliases'],
    tokenize: (s) => s.split(' '),
    processTerm: (s) => s,
  });
  mini.addAll(
    models.map((m, i) => ({
      id: i,
      model: normaliseModel(m.model),
      aliases: m.aliases.map(normaliseModel).join(' '),
    })),
  );
  const build = now() - t;
  const heap = heapDelta(before);
  const engine = mini;
  const { outcomes, total } = await run(slow, 50, (q) => {
    const text = modelText(q);
    if (text === '') return [];
    const hits = engine.search(text, { prefix: true, fuzzy: (term) => Math.min(maxEdits(term.length), 2) });
    return hits.slice(0, 10).map((h) => models[h.id as number]!.id);
  });
  addRow(summarise('MiniSearch (fuzzy+prefix)', outcomes, total, build, heap));
  mini = null;
}

if (!BASELINES) {
  notes.push('Baselines skipped (BASELINES=0).');
} else if (N > 200_000 && process.env.FLEX !== '1') {
  notes.push(
    'FlexSearch skipped: forward tokenisation of more than 200k models takes many minutes; set FLEX=1 to run it.',
  );
} else {
  gc();
  const before = process.memoryUsage();
  t = now();
  let flex: InstanceType<typeof FlexSearch.Index> | null = new FlexSearch.Index({ tokenize: 'forward' });
  for (let i = 0; i < models.length; i++) {
    const m = models[i]!;
    flex.add(i, [m.model, ...m.aliases].map(normaliseModel).join(' ').toLowerCase());
  }
  const build = now() - t;
  const heap = heapDelta(before);
  const engine = flex;
  const { outcomes, total } = await run(slow, 50, (q) => {
    const text = modelText(q).toLowerCase();
    if (text === '') return [];
    return (engine.search(text, { limit: 10, suggest: true }) as number[]).map((i) => models[i]!.id);
  });
  addRow(summarise('FlexSearch (forward, suggest)', outcomes, total, build, heap));
  flex = null;
}

async function pgTrgm(): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  const schema = `lookup_bench_${process.pid}`;
  try {
    await client.connect();
  } catch (error) {
    notes.push(`pg_trgm skipped: ${(error as Error).message}`);
    return;
  }
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path = ${schema}, public`);
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query(
      'CREATE TABLE appliance (id text PRIMARY KEY, model text NOT NULL, aliases text NOT NULL)',
    );
    t = now();
    for (let i = 0; i < models.length; i += 20_000) {
      const batch = models.slice(i, i + 20_000);
      await client.query('INSERT INTO appliance SELECT * FROM unnest($1::text[], $2::text[], $3::text[])', [
        batch.map((m) => m.id),
        batch.map((m) => normaliseModel(m.model)),
        batch.map((m) => m.aliases.map(normaliseModel).join(' ')),
      ]);
    }
    await client.query('CREATE INDEX ON appliance USING gin (model gin_trgm_ops)');
    await client.query('CREATE INDEX ON appliance USING gin (aliases gin_trgm_ops)');
    await client.query('ANALYZE appliance');
    const build = now() - t;
    const size = await client.query<{ bytes: string }>(
      `SELECT pg_total_relation_size('${schema}.appliance')::text AS bytes`,
    );
    await client.query(`SET statement_timeout = '10s'`);
    const { outcomes, total } = await run(slow, 50, async (q) => {
      const text = modelText(q);
      if (text === '') return [];
      const res = await client.query<{ id: string }>(
        `SELECT id FROM appliance WHERE model % $1 OR aliases % $1
         ORDER BY greatest(similarity(model, $1), similarity(aliases, $1)) DESC LIMIT 10`,
        [text],
      );
      return res.rows.map((r) => r.id);
    });
    addRow(
      summarise(
        'PostgreSQL pg_trgm (GIN, %)',
        outcomes,
        total,
        build,
        `server: ${mb(Number(size.rows[0]!.bytes))} on disk`,
      ),
    );
  } catch (error) {
    notes.push(`pg_trgm failed: ${(error as Error).message}`);
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await client.end();
  }
}

console.log(
  `\nN = ${N} appliances, ${queries.length} queries (baselines: ${slow.length}-query subset), node ${process.version}\n`,
);
console.log(header);
for (const r of rows) console.log(tableRow(r));
const tb = rows[0]!;
if (rows.length > 1)
  console.log(
    `\nspeed-up of Toonbank in queries/s: ${rows
      .slice(1)
      .map((r) => `${(tb.qps / r.qps).toFixed(0)}× ${r.engine}`)
      .join(', ')}\n`,
  );
console.log(notes.join('\n\n'));
