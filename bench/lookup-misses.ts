/**
 * Lists the queries of `bench:lookup` that Toonbank's index misses at recall@5, with the truth,
 * its rank among up to 200 hits, our top five (cost, plausibility, order count), and why the
 * truth lost, then counts the reasons per query kind on stderr.
 * Run: `N=1000000 Q=10000 node --import tsx bench/lookup-misses.ts > misses.jsonl`
 * (same data and queries as bench:lookup for the same N and Q; SEED picks another query set).
 *
 * Reasons, in the order they are checked:
 * - `prefix-first`: five or more models start with what was typed (or the query starts with a
 *   model), and exact before prefix before fuzzy puts them first;
 * - `two-edits-not-searched`: the truth is two edits away, but something was found within one,
 *   so the two-edit walk did not run;
 * - `not-found`: the truth is not among the hits at all;
 * - `cheaper`: five or more hits cost fewer edits;
 * - `likelier`: five or more hits of the same cost are more plausible typos;
 * - `tie`: the truth ties on cost and plausibility with others and loses on order count (or
 *   model length and text) — nothing in the typed text tells them apart.
 */
import { plateEditCost } from '../src/appliances/edit-cost.ts';
import { LookupIndex } from '../src/appliances/lookup-index.ts';
import { normaliseModel } from '../src/appliances/normalise-model.ts';
import { queryParser } from '../src/appliances/query-parser.ts';
import { typoLikelihood } from '../src/appliances/typo-likelihood.ts';
import { benchBrands, generateAppliances, makeQueries } from './lookup-data.ts';

const N = Number(process.env.N ?? 1_000_000);
const Q = Number(process.env.Q ?? 10_000);
const SEED = Number(process.env.SEED ?? 2);

const models = [...generateAppliances(N, 1)];
const queries = makeQueries(models, Q, SEED);
const lookup = LookupIndex.build(models, benchBrands);
const parse = queryParser(benchBrands);
const model = (id: string) => models[Number(id.slice(4))]!;
const bytes = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const plausibility = (typed: string, meant: string, cost: number) => {
  const [q, c] = [bytes(typed), bytes(meant)];
  return typoLikelihood(q, 0, q.length, c, 0, c.length, Math.floor(cost));
};

let missed = 0;
let lost = 0;
const reasons = new Map<string, Map<string, number>>();
for (const query of queries) {
  const want = new Set(query.expected);
  const hits = lookup.search(query.text).hits;
  const found = hits.slice(0, 5).filter((h) => want.has(h.id)).length;
  if (found >= Math.min(5, query.expected.length)) continue;
  missed++;
  lost += 1 - found / Math.min(5, query.expected.length);
  const typed = parse(query.text).model;
  const wide = lookup.search(query.text, { limit: 200 }).hits;
  const rank = wide.findIndex((h) => want.has(h.id));
  const truth = normaliseModel(model(query.expected[0]!).model);
  const truthCost = plateEditCost(typed, truth);
  const truthLikelihood = plausibility(typed, truth, truthCost);
  const show = (h: (typeof hits)[number]) => ({
    model: normaliseModel(model(h.id).model),
    match: h.match,
    cost: h.cost,
    likelihood: h.match === 'fuzzy' ? plausibility(typed, normaliseModel(model(h.id).model), h.cost) : 1,
    orders: model(h.id).orderCount,
    ok: want.has(h.id),
  });
  const top = hits.slice(0, 5).map(show);
  const reason = top.every((h) => h.match !== 'fuzzy')
    ? 'prefix-first'
    : rank < 0 && truthCost === 2 && hits.some((h) => h.match === 'fuzzy' && h.cost <= 1.5)
      ? 'two-edits-not-searched'
      : rank < 0
        ? 'not-found'
        : top.every((h) => h.cost < truthCost)
          ? 'cheaper'
          : top.every((h) => h.cost < truthCost || h.likelihood > truthLikelihood)
            ? 'likelier'
            : 'tie';
  const perKind = reasons.get(reason) ?? new Map<string, number>();
  perKind.set(query.kind, (perKind.get(query.kind) ?? 0) + 1);
  reasons.set(reason, perKind);
  console.log(
    JSON.stringify({
      kind: query.kind,
      reason,
      text: query.text,
      typed,
      truth,
      truthCost,
      truthLikelihood,
      truthOrders: model(query.expected[0]!).orderCount,
      expected: query.expected.length,
      rank,
      top,
    }),
  );
}
for (const [reason, perKind] of reasons) {
  const total = [...perKind.values()].reduce((a, b) => a + b, 0);
  console.error(`${reason}: ${total} (${[...perKind].map(([k, n]) => `${k} ${n}`).join(', ')})`);
}
console.error(
  `${missed} misses of ${queries.length} queries (N = ${N}, seed ${SEED}), recall@5 ${(100 - (lost / queries.length) * 100).toFixed(2)} %`,
);
