/**
 * Gateway decision benchmark, part (a) of `npm run bench:gateway`: the pure `decide` over N customers with random
 * preferences (default 1,000,000), one core, against a named baseline measured in the same run.
 * Settings: N customers; ROUNDS (default 5) passes over all of them; BASELINE_N (default 50,000) customers for the
 * baseline, which is slow. Target: ≥ 1,000,000 decisions/s.
 *
 * Rates are decisions per second of CPU time of this process (process.cpuUsage: what one core does, also on a
 * shared machine), with wall-clock rates printed beside them.
 *
 * - "gateway": profiles compiled once per customer (compileProfile: typed arrays, minutes, bit masks, a cached
 *   zone), then decide() per message; time-zone offsets from Intl, cached per zone and quarter hour.
 * - "naive baseline": what the obvious code does per message: JSON.parse the stored preference document and
 *   ask Temporal.ZonedDateTime for the local time, then apply the same rules (no hold-until computation, so it
 *   does less work than decide()).
 */
import { loadavg } from 'node:os';
import { Temporal } from 'temporal-polyfill';
import type { Decision, DecisionInput, Urgency } from '../src/messaging/gateway/contract.ts';
import { decide } from '../src/messaging/gateway/decide.ts';
import { compileProfile, type GatewayProfile } from '../src/messaging/gateway/profile.ts';
import { CHANNELS, type Preferences, TOPICS, type Topic } from '../src/preferences/preferences.ts';

const N = Number(process.env.N ?? 1_000_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const BASELINE_N = Math.min(N, Number(process.env.BASELINE_N ?? 50_000));

// a small deterministic PRNG, so every run decides the same population
let seed = 0x9e3779b9;
function rand(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const ZONES = [
  'Europe/Amsterdam',
  'Europe/Amsterdam',
  'Europe/Amsterdam',
  'Europe/Brussels',
  'Europe/London',
  'Europe/Berlin',
  'America/Curacao',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Adelaide',
];
const HOURS = ['20:00', '21:00', '22:00', '23:00', '06:00', '07:00', '08:00', '09:00', '12:30'];
const STATES = ['on', 'off', 'off', 'soft-opt-in'] as const;
const SINCE = '2026-01-01T00:00:00Z';
const NOW = Date.parse('2026-11-27T19:30:00Z');

function randomPreferences(): Preferences {
  const order = [...CHANNELS].sort(() => rand() - 0.5);
  const topics = Object.fromEntries(
    TOPICS.map((t) => {
      if (t === 'transactional') return [t, 'on'];
      const s = pick(STATES);
      return [t, s === 'soft-opt-in' && t !== 'new-for-my-appliances' ? 'on' : s];
    }),
  ) as Preferences['topics'];
  return {
    schemaVersion: 1,
    channels: {
      order,
      enabled: { email: rand() < 0.95, push: rand() < 0.3, sms: rand() < 0.1, post: rand() < 0.05 },
    },
    topics,
    frequency: rand() < 0.5 ? { max: Math.floor(rand() * 6), per: rand() < 0.5 ? 'week' : 'month' } : null,
    quiet: {
      hours: rand() < 0.6 ? { from: pick(HOURS), to: pick(HOURS) } : null,
      days: rand() < 0.3 ? [7] : [],
    },
    timeZone: pick(ZONES),
    locale: rand() < 0.7 ? 'nl' : 'en',
  };
}

type Customer = {
  doc: string;
  profile: GatewayProfile;
  recent: number[];
  suppressed: DecisionInput['suppressed'];
};

function population(n: number): Customer[] {
  const out: Customer[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const prefs = randomPreferences();
    const evidence = Object.fromEntries(TOPICS.map((t) => [t, { state: prefs.topics[t], at: SINCE }]));
    const sends = Math.floor(rand() * 6);
    const recent: number[] = [];
    for (let s = 0; s < sends; s++) recent.push(NOW - Math.floor(rand() * 30 * 86_400_000));
    recent.sort((a, b) => a - b);
    out[i] = {
      doc: JSON.stringify(prefs),
      profile: compileProfile(prefs, evidence, { push: rand() < 0.5, sms: false }),
      recent,
      suppressed: rand() < 0.01 ? 'hard-bounce' : null,
    };
  }
  return out;
}

/** The baseline: parse the document and ask Temporal for the local time, per message. */
function naiveDecide(c: Customer, topic: Topic, urgency: Urgency, now: Temporal.Instant): Decision {
  const prefs = JSON.parse(c.doc) as Preferences;
  const transactional = topic === 'transactional';
  const state = prefs.topics[topic];
  if (!transactional && state === 'off') return { action: 'drop', reason: 'no-consent' };
  const channel = prefs.channels.order.find(
    (ch) => prefs.channels.enabled[ch] && ch !== 'post' && !(ch === 'email' && c.suppressed),
  );
  if (!channel) return { action: 'drop', reason: 'no-channel' };
  if (transactional && urgency === 'now') return { action: 'send', channel, reason: 'transactional' };
  const local = now.toZonedDateTimeISO(prefs.timeZone);
  if (prefs.quiet.days.includes(local.dayOfWeek as 1))
    return { action: 'hold', until: local.add({ days: 1 }).toInstant().toString(), reason: 'quiet-day' };
  if (prefs.quiet.hours) {
    const m = local.hour * 60 + local.minute;
    const [fh, fm] = prefs.quiet.hours.from.split(':').map(Number);
    const [th, tm] = prefs.quiet.hours.to.split(':').map(Number);
    const from = fh! * 60 + fm!;
    const to = th! * 60 + tm!;
    if (from !== to && (from < to ? m >= from && m < to : m >= from || m < to))
      return { action: 'hold', until: local.add({ hours: 1 }).toInstant().toString(), reason: 'quiet-hours' };
  }
  if (!transactional && prefs.frequency) {
    const window = (prefs.frequency.per === 'week' ? 7 : 30) * 86_400_000;
    const count = c.recent.filter((r) => r > now.epochMilliseconds - window).length;
    if (count >= prefs.frequency.max)
      return { action: 'hold', until: now.toString(), reason: 'frequency-cap' };
  }
  return { action: 'send', channel, reason: transactional ? 'transactional' : 'consent' };
}

const URGENCIES: Urgency[] = ['now', 'normal', 'low'];

function main(): void {
  const t0 = performance.now();
  const customers = population(N);
  const built = performance.now() - t0;
  const topics = customers.map(() => pick(TOPICS));
  const urgencies = customers.map(() => pick(URGENCIES));
  console.log(
    `gateway decision benchmark: ${N.toLocaleString('en')} customers with random preferences ` +
      `(population and profiles built in ${(built / 1000).toFixed(1)} s), Node ${process.version}, one core`,
  );

  // the gateway: one reused input object, profiles precompiled
  const input: DecisionInput = {
    profile: null,
    topic: 'transactional',
    urgency: 'now',
    deadline: null,
    recent: [],
    suppressed: null,
    now: NOW,
  };
  const counts: Record<string, number> = {};
  const rates: number[] = [];
  const wallRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let sends = 0;
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < N; i++) {
      const c = customers[i]!;
      input.profile = c.profile;
      input.topic = topics[i]!;
      input.urgency = urgencies[i]!;
      input.recent = c.recent;
      input.suppressed = c.suppressed;
      input.now = NOW + round * 600_000;
      const d = decide(input);
      if (d.action === 'send') sends++;
      if (round === 0) counts[`${d.action}:${d.reason}`] = (counts[`${d.action}:${d.reason}`] ?? 0) + 1;
    }
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    rates.push(N / ((cpu.user + cpu.system) / 1e6));
    wallRates.push(N / (ms / 1000));
    if (round === 0) counts.sends = sends;
  }
  rates.sort((a, b) => a - b);
  wallRates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)]!;
  const best = rates.at(-1)!;
  const wallMedian = wallRates[Math.floor(wallRates.length / 2)]!;

  // the baseline on a slice
  const now = Temporal.Instant.fromEpochMilliseconds(NOW);
  let checksum = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < BASELINE_N; i++) {
    const d = naiveDecide(customers[i]!, topics[i]!, urgencies[i]!, now);
    if (d.action === 'send') checksum++;
  }
  const cpu = process.cpuUsage(cpu0);
  const baseline = BASELINE_N / ((cpu.user + cpu.system) / 1e6);
  const baselineWall = BASELINE_N / ((performance.now() - start) / 1000);

  const fmt = (n: number) => Math.round(n).toLocaleString('en').padStart(12);
  console.log('');
  console.log('| implementation                                   | decisions/CPU-s | decisions/s wall |');
  console.log('|--------------------------------------------------|----------------:|-----------------:|');
  console.log(
    `| gateway decide(), precompiled profiles (median)  |    ${fmt(median)} |     ${fmt(wallMedian)} |`,
  );
  console.log(
    `| gateway decide(), precompiled profiles (best)    |    ${fmt(best)} |     ${fmt(wallRates.at(-1)!)} |`,
  );
  console.log(
    `| naive: JSON.parse + Temporal.ZonedDateTime       |    ${fmt(baseline)} |     ${fmt(baselineWall)} |`,
  );
  console.log('');
  console.log(
    `load average during the run: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (wall-clock rates suffer on a busy machine)`,
  );
  console.log(
    `speed-up over the baseline: ${(median / baseline).toFixed(0)}×; target ≥ 1,000,000/s: ${median >= 1_000_000 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `outcomes (first round): ${Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} (baseline checksum ${checksum})`,
  );
}

main();
