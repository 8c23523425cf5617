/**
 * Lists the queries of `bench:lookup` that Toonbank's index misses at recall@5, with the truth,
 * its cost, its rank among up to 200 hits, and our top five, so the misses can be classified.
 * Run: `N=1000000 Q=10000 node --import tsx bench/lookup-misses.ts > misses.jsonl`
 * (same data and queries as bench:lookup for the same N and Q; no baselines, no timing).
 */
import { LookupIndex } from '../src/appliances/lookup-index.ts';
import { normaliseModel } from '../src/appliances/normalise-model.ts';
import { queryParser } from '../src/appliances/query-parser.ts';
import { benchBrands, generateAppliances, makeQueries } from './lookup-data.ts';

const N = Number(process.env.N ?? 1_000_000);
const Q = Number(process.env.Q ?? 10_000);

const models = [...generateAppliances(N, 1)];
const queries = makeQueries(models, Q, 2);
const lookup = LookupIndex.build(models, benchBrands);
const parse = queryParser(benchBrands);
const model = (id: string) => models[Number(id.slice(4))]!;

let missed = 0;
let lost = 0;
for (const query of queries) {
  const want = new Set(query.expected);
  const hits = lookup.search(query.text).hits;
  const found = hits.slice(0, 5).filter((h) => want.has(h.id)).length;
  if (found >= Math.min(5, query.expected.length)) continue;
  missed++;
  lost += 1 - found / Math.min(5, query.expected.length);
  const wide = lookup.search(query.text, { limit: 200 }).hits;
  const rank = wide.findIndex((h) => want.has(h.id));
  const truth = model(query.expected[0]!);
  const show = (h: (typeof hits)[number]) => ({
    model: normaliseModel(model(h.id).model),
    match: h.match,
    cost: h.cost,
    orders: model(h.id).orderCount,
    ok: want.has(h.id),
  });
  console.log(
    JSON.stringify({
      kind: query.kind,
      text: query.text,
      q: parse(query.text).model,
      truth: normaliseModel(truth.model),
      truthOrders: truth.orderCount,
      expected: query.expected.length,
      rank,
      truthHit: rank >= 0 ? show(wide[rank]!) : null,
      sameCost:
        rank >= 0
          ? wide.filter((h) => h.match === wide[rank]!.match && h.cost === wide[rank]!.cost).length
          : 0,
      top: hits.slice(0, 5).map(show),
    }),
  );
}
console.error(
  `${missed} misses of ${queries.length} queries (N = ${N}), recall@5 ${(100 - (lost / queries.length) * 100).toFixed(2)} %`,
);
