/**
 * `npm run bench:http` — how fast the shop answers on loopback, next to a bare `node:http` server on the same
 * machine. A benchmark, not a test: it prints a markdown table and exits 0 whatever the figures.
 *
 * The shop runs as `node bin/toonbank.js serve` (the real start path: SQLite file in a temp dir, migrated and
 * seeded, LOG_LEVEL=silent) and the bare server as its own process, so neither shares an event loop with the
 * load generator (autocannon, in this process). Each target gets a warm-up, then its measured load in turns
 * (bare, page, JSON, bare, page, JSON, …): on a shared machine the load of other work drifts, and turns put each
 * target and the bare server under the same drift. The table shows each target's median turn.
 *
 * Options: --duration=SECONDS per turn (5), --rounds=N turns per target (3), --warmup=SECONDS (2),
 * --connections=N (100), --profile (runs the shop with `node --cpu-prof`; the .cpuprofile lands in the printed
 * directory).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { firstProduct, freePort, startShopProcess, stopProcess, waitUntilUp } from './shop-process.ts';

/** The part of autocannon's API this benchmark uses. */
type Autocannon = (options: {
  url: string;
  connections: number;
  pipelining: number;
  duration: number;
}) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '100' },
    profile: { type: 'boolean', default: false },
  },
});
const DURATION = Number(opts.duration);
const ROUNDS = Number(opts.rounds);
const WARMUP = Number(opts.warmup);
const CONNECTIONS = Number(opts.connections);

/** A fixed small page (about 2 KB), answered from memory. */
const BARE_SERVER = `
const body = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare</title></head><body>' +
  '<main><h1>A fixed small page</h1><p>' + 'Answered by node:http without a framework. '.repeat(40) + '</p></main></body></html>';
require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
`;

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time (user + system, in ms) a process has used so far, from /proc (Linux); null elsewhere. CPU per
 * request holds steadier than requests/s when other work shares the machine.
 */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

type Row = {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU per answered request, in µs. */
  cpuUs: number | null;
  bad: number;
  target?: number;
  /** Requests/s against the bare server's in the same turn (the median over turns). */
  ratio?: number;
};

type Target = { name: string; server: ChildProcess; url: string; target?: number };

async function warmUp(t: Target): Promise<void> {
  process.stderr.write(`  ${t.name}: warm-up ${WARMUP} s\n`);
  await autocannon({ url: t.url, connections: CONNECTIONS, pipelining: 1, duration: WARMUP });
}

async function load(t: Target): Promise<Row> {
  const cpuBefore = cpuMs(t.server.pid);
  const r = await autocannon({ url: t.url, connections: CONNECTIONS, pipelining: 1, duration: DURATION });
  const cpuAfter = cpuMs(t.server.pid);
  process.stderr.write(`  ${t.name}: ${Math.round(r.requests.average)} req/s\n`);
  return {
    name: t.name,
    path: new URL(t.url).pathname,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuUs:
      cpuBefore === null || cpuAfter === null || r.requests.total === 0
        ? null
        : ((cpuAfter - cpuBefore) * 1000) / r.requests.total,
    bad: r.errors + r.timeouts + r.non2xx,
    ...(t.target === undefined ? {} : { target: t.target }),
  };
}

/**
 * A target's turn with the median requests/s (its latencies and CPU with it), the errors of all its turns added up,
 * and the median of its turns' ratios to the bare server's turn of the same round.
 */
function summary(turns: Row[], bareTurns: Row[]): Row {
  const middle = <T>(values: T[], by: (v: T) => number): T =>
    [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)]!;
  const ratios = turns.map((r, i) => r.rps / bareTurns[i]!.rps);
  return {
    ...middle(turns, (r) => r.rps),
    bad: turns.reduce((sum, r) => sum + r.bad, 0),
    ratio: middle(ratios, (x) => x),
  };
}

function table(rows: Row[], bare: Row): string {
  const lines = [
    '| target | path | requests/s | p50 (ms) | p99 (ms) | server CPU/request (µs) | × bare node:http | goal |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    const ratio = r.ratio ?? r.rps / bare.rps;
    const goal = r.target === undefined ? '' : `≥ ${r.target}× ${ratio >= r.target ? 'met' : 'MISSED'}`;
    lines.push(
      `| ${r.name} | \`${r.path}\` | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} | ${r.p99} | ${r.cpuUs === null ? 'n/a' : Math.round(r.cpuUs)} | ${ratio.toFixed(2)} | ${goal} |`,
    );
  }
  const failures = rows.filter((r) => r.bad > 0).map((r) => `${r.name}: ${r.bad} errors/timeouts/non-2xx`);
  return [...lines, ...(failures.length ? ['', `Warning: ${failures.join('; ')}`] : [])].join('\n');
}

async function main(): Promise<void> {
  const profileDir = opts.profile ? mkdtempSync(join(tmpdir(), 'toonbank-profile-')) : null;
  const shop = await startShopProcess({
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  const barePort = await freePort();
  const bare = spawn(process.execPath, ['-e', BARE_SERVER], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(barePort) },
  });
  try {
    const bareUrl = `http://127.0.0.1:${barePort}/`;
    await waitUntilUp(bareUrl, bare);
    const product = await firstProduct(shop.url);
    console.error(
      `Loading each target with autocannon: ${CONNECTIONS} connections, pipelining 1, node ${process.version}.`,
    );
    const targets: Target[] = [
      { name: 'bare node:http', server: bare, url: bareUrl },
      { name: 'product page', server: shop.child, url: `${shop.url}/p/${product.slug}`, target: 0.5 },
      {
        name: 'product JSON',
        server: shop.child,
        url: `${shop.url}/api/v1/products/${encodeURIComponent(product.sku)}`,
        target: 0.7,
      },
    ];
    for (const t of targets) await warmUp(t);
    const turns = targets.map((): Row[] => []);
    for (let round = 1; round <= ROUNDS; round++) {
      process.stderr.write(`Turn ${round} of ${ROUNDS}, ${DURATION} s each:\n`);
      for (const [i, t] of targets.entries()) turns[i]!.push(await load(t));
    }
    const [bareTurns, ...shopTurns] = turns as [Row[], ...Row[][]];
    const bareRow = summary(bareTurns, bareTurns);
    const rows = [...shopTurns.map((t) => summary(t, bareTurns)), bareRow];
    console.log(`\n${table(rows, bareRow)}\n`);
  } finally {
    await stopProcess(bare);
    await shop.stop();
  }
  if (profileDir)
    console.log(`CPU profile of the shop: ${profileDir} (open it in Chrome DevTools › Performance)`);
}

await main();
