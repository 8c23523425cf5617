/**
 * In-memory type-plate lookup over up to a few million appliance models.
 *
 * Why this shape:
 * - Keys (normalised model numbers and aliases) live in typed arrays inside immutable
 *   segments (see key-segment.ts): at a million models a JS object per key would cost
 *   hundreds of megabytes and GC pauses; a byte pool plus columns costs ~25 bytes per key.
 * - Exact and prefix lookups are binary searches over one sorted permutation (entered through
 *   a three-character jump table), so a prefix is a contiguous range; the range scan is
 *   capped (PREFIX_SCAN) so `FC8` stays cheap. A query longer than any key also tries the
 *   longest key it starts with (`BGL3A330/01 FD 9103` carries a production code).
 * - Typos are found by a split trie walk (fuzzy-walk.ts) over the same keys sorted once
 *   more with plate misreadings folded (O→0, I/L→1, B→8, S→5, Z→2, G→6). Folding makes a
 *   misreading free for the filter, and the exact weighted cost (misreading 0.5, other
 *   edits 1, edit-cost.ts) is computed only for the few keys the walk emits. This needs no
 *   deletion-neighbourhood tables, which at two edits would take ~50 entries per key.
 * - Updates go to a small delta segment rebuilt lazily on the next search; past DELTA_MERGE
 *   appliances (or an eighth of the base keys) it is merged into a new base. Replaced and
 *   removed slots are tombstoned, so the sorted arrays never shift.
 * - Allowed cost grows with the typed length: up to 3 characters nothing is forgiven, 4–6
 *   allow 1 edit, 7 and more allow 2 (a 6-digit number with two edits is another number).
 * - Typos of the same cost are ordered by how plausible the slip is (typo-likelihood.ts: a
 *   swap of neighbours or a dropped character before one wrong key out of many, a key of the
 *   kind around it before one of the other kind, a doubled character counted twice), only then
 *   by order count. At a million models a typo is often one edit from dozens of models; this
 *   is what the typed text itself says about which one was meant.
 * - Two-edit matches are only searched when nothing is found within one edit (and never
 *   when the query is a model or alias or the start of one, found at no cost): they would
 *   rank below the closer matches anyway, and the two-edit walk is where most of the time
 *   goes at a million models. A query of LONG_QUERY characters or more also searches them
 *   when one edit leaves fewer than LONG_FILL hits, to fill those places: a long number is
 *   rarely one edit from many others, so one unlucky neighbour should not hide the model
 *   two typos away, and its walk covers only the long keys.
 */
import { EDIT, editCostHalves, MISREAD_FOLD } from './edit-cost.ts';
import { fuzzyWalk } from './fuzzy-walk.ts';
import {
  type KeySegment,
  KeySegmentBuilder,
  keyText,
  lowerBound,
  lowerBoundIn,
  startsWith,
} from './key-segment.ts';
import { normaliseModel } from './normalise-model.ts';
import { type BrandWords, type ParsedQuery, queryParser } from './query-parser.ts';
import { RowLookup, StringColumn } from './string-column.ts';
import { type Candidate, type MatchKind, TIER, TopHits } from './top-hits.ts';
import { typoLikelihood } from './typo-likelihood.ts';

export type { BrandWords } from './query-parser.ts';

export type IndexedAppliance = {
  id: string;
  brand: string;
  model: string;
  aliases: string[];
  orderCount: number;
};
export type LookupHit = { id: string; match: MatchKind; cost: number; matched: string };
export type LookupResult = { brand: string | null; hits: LookupHit[] };

/** Shortest typed model text that lists everything starting with it. */
export const MIN_PREFIX = 3;
/** Most keys a prefix scan looks at; beyond that the list is a sample, not the best. */
export const PREFIX_SCAN = 4000;
export const DELTA_MERGE = 4096;
/**
 * A query this long (normalised) also searches two edits when one edit leaves fewer than
 * {@link LONG_FILL} hits. Such a number (a model with its production code, `DC01GEN5DETECT`)
 * is rarely one edit from many others, so a second typo leaves the list nearly empty, and
 * the two-edit walk is cheap: it walks only the keys of 10 characters or more (LONG_KEYS).
 * Shorter queries keep "two edits only when nothing is within one": a 7–11 character number is
 * one edit from dozens of models, and the two-edit walk over all of them would cost most of the
 * throughput for little recall.
 */
export const LONG_QUERY = 12;
/** The places a long query fills with two-edit matches: the short list a customer reads. */
export const LONG_FILL = 5;

/** Edits forgiven for a normalised query of this length. */
export function maxEdits(length: number): number {
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

export class LookupIndex {
  #ids = new StringColumn();
  #models = new StringColumn();
  #live = 0;
  #brandOf = new Uint16Array(1024);
  #orders = new Float32Array(1024);
  #alive = new Uint8Array(1024);
  #slotOf = new RowLookup(this.#ids, (slot) => this.#alive[slot] === 1);
  #brandNames: string[] = [];
  #brandIds = new Map<string, number>();
  #parse: (query: string) => ParsedQuery;
  #base: KeySegment;
  #delta: KeySegment | null = null;
  #pending = new Map<number, string[]>();
  #beforeFn = (a: Candidate, b: Candidate) => this.#before(a, b);
  #deltaDirty = false;

  private constructor(brands: BrandWords) {
    this.#parse = queryParser(brands);
    for (const b of brands) this.#brandId(b.brand);
    this.#base = new KeySegmentBuilder().finish();
  }

  /** Builds the index in one pass; later duplicates of an id replace earlier ones. */
  static build(items: Iterable<IndexedAppliance>, brands: BrandWords): LookupIndex {
    const index = new LookupIndex(brands);
    const builder = new KeySegmentBuilder();
    for (const item of items) {
      index.remove(item.id);
      const slot = index.#addSlot(item);
      addKeys(builder, slot, keysOf(item));
    }
    index.#base = builder.finish();
    index.#ids.trim();
    index.#models.trim();
    const n = Math.max(1, index.#ids.rows);
    index.#brandOf = index.#brandOf.slice(0, n);
    index.#orders = index.#orders.slice(0, n);
    index.#alive = index.#alive.slice(0, n);
    return index;
  }

  get size(): number {
    return this.#live;
  }

  /** Adds the appliance, or replaces the one with the same id; searchable immediately. */
  upsert(item: IndexedAppliance): void {
    this.remove(item.id);
    const slot = this.#addSlot(item);
    this.#pending.set(slot, keysOf(item));
    this.#deltaDirty = true;
    if (this.#pending.size > Math.max(DELTA_MERGE, this.#base.sorted.length >> 3)) this.#merge();
  }

  remove(id: string): void {
    const slot = this.#slotOf.find(id);
    if (slot === undefined) return;
    this.#alive[slot] = 0;
    this.#live--;
    if (this.#pending.delete(slot)) this.#deltaDirty = true;
  }

  setOrderCount(id: string, n: number): void {
    const slot = this.#slotOf.find(id);
    if (slot !== undefined) this.#orders[slot] = n;
  }

  /**
   * Finds appliances for what a customer typed. Brand words are recognised anywhere and
   * narrow the result; exact model and alias matches rank first, then prefixes, then typos by
   * cost and then by how plausible the slip is; ties go to the more ordered, then the shorter
   * and alphabetically first model.
   */
  search(query: string, opts: { limit?: number } = {}): LookupResult {
    const parsed = this.#parse(query);
    const brandId = parsed.brand === null ? -1 : (this.#brandIds.get(normaliseModel(parsed.brand)) ?? -2);
    const text = parsed.model;
    if (text.length === 0) return { brand: parsed.brand, hits: [] };
    if (this.#deltaDirty) this.#rebuildDelta();
    const q = new Uint8Array(text.length);
    for (let i = 0; i < q.length; i++) q[i] = text.charCodeAt(i);
    const top = new TopHits(opts.limit ?? 10, this.#beforeFn);
    const ok = (slot: number) =>
      this.#alive[slot] === 1 && (brandId === -1 || this.#brandOf[slot] === brandId);
    const segments = this.#delta ? [this.#base, this.#delta] : [this.#base];

    for (const s of segments) this.#scanPrefix(s, q, top, ok);
    const startsKey = top.items.length > 0;
    if (q.length > 4 && !top.items.some((c) => TIER[c.kind] === 0)) {
      for (const s of segments) this.#scanContained(s, q, top, ok);
    }
    // One edit first; two only when nothing was found within one edit, counting the query
    // being (the start of) a model or alias as found: two-edit matches rank below those. A
    // key the query merely starts with (production code) does not count: `EN380773BK` starts
    // with the model EN380 but is more likely EN83.073.BK with two typos. A long query (see
    // LONG_QUERY) also searches two edits when one edit leaves the first places unfilled.
    const maxK = maxEdits(q.length);
    const lastK = startsKey ? Math.min(1, maxK) : maxK;
    const maxHalves = maxK * EDIT;
    const fill = q.length >= LONG_QUERY ? Math.min(LONG_FILL, top.limit) : 0;
    let found = false;
    for (let k = 1; k <= lastK && (!found || top.items.length < fill) && top.wants(TIER.fuzzy); k++) {
      for (const s of segments) {
        fuzzyWalk(s, q, q.length, k, MISREAD_FOLD, (key) => {
          const slot = s.owner[key]! >>> 1;
          if (!ok(slot)) return;
          const start = s.start[key]!;
          const len = s.len[key]!;
          const halves = editCostHalves(q, 0, q.length, s.bytes, start, len, maxHalves);
          if (halves > maxHalves) return;
          found = true;
          // Weighing the typo costs a little; skip it for a match that cannot make the list.
          const worst = top.worst;
          if (worst && (TIER[worst.kind] < TIER.fuzzy || worst.halves < halves)) return;
          const likelihood = typoLikelihood(q, 0, q.length, s.bytes, start, len, halves >> 1);
          top.offer({ slot, kind: 'fuzzy', halves, likelihood, segment: s, alias: -1 });
        });
      }
    }
    const hits = top.items.map((c) => ({
      id: this.#ids.get(c.slot),
      match: c.kind,
      cost: c.halves / EDIT,
      matched: c.alias >= 0 ? keyText(c.segment as KeySegment, c.alias) : this.#models.get(c.slot),
    }));
    return { brand: parsed.brand, hits };
  }

  /** Keys equal to or starting with the query: exact, alias and prefix hits. */
  #scanPrefix(s: KeySegment, q: Uint8Array, top: TopHits, ok: (slot: number) => boolean): void {
    const from = lowerBound(s, q, q.length);
    const end = Math.min(s.sorted.length, from + PREFIX_SCAN);
    for (let r = from; r < end; r++) {
      const key = s.sorted[r]!;
      if (!startsWith(s, key, q, q.length)) break;
      const exact = s.len[key] === q.length;
      if (!exact && q.length < MIN_PREFIX) break;
      const slot = s.owner[key]! >>> 1;
      if (!ok(slot)) continue;
      const alias = (s.owner[key]! & 1) === 1;
      const kind: MatchKind = !exact ? 'prefix' : alias ? 'alias' : 'exact';
      if (!top.wants(TIER[kind])) break;
      top.offer({ slot, kind, halves: 0, likelihood: 1, segment: s, alias: alias ? key : -1 });
    }
  }

  /**
   * The longest key that the query starts with, for people who type more than the model:
   * `BGL3A330/01 FD 9103` carries a production code after the model number.
   */
  #scanContained(s: KeySegment, q: Uint8Array, top: TopHits, ok: (slot: number) => boolean): void {
    const shortest = Math.max(5, q.length >> 1);
    // Every start of the query sorts between its shortest start and the query itself, so
    // two searches over the segment bound all of them; each start is then found in that
    // (usually short, already cached) range.
    const lo = lowerBound(s, q, shortest);
    const hi = lowerBound(s, q, q.length);
    for (let n = q.length - 1; n >= shortest; n--) {
      let found = false;
      for (let r = lowerBoundIn(s, q, n, lo, hi); r < s.sorted.length; r++) {
        const key = s.sorted[r]!;
        if (s.len[key] !== n || !startsWith(s, key, q, n)) break;
        const slot = s.owner[key]! >>> 1;
        if (!ok(slot)) continue;
        found = true;
        const alias = (s.owner[key]! & 1) === 1;
        top.offer({
          slot,
          kind: 'prefix',
          halves: 0,
          likelihood: 1,
          segment: s,
          alias: alias ? key : -1,
        });
      }
      if (found) return;
    }
  }

  #before(a: Candidate, b: Candidate): boolean {
    const t = TIER[a.kind] - TIER[b.kind];
    if (t !== 0) return t < 0;
    if (a.halves !== b.halves) return a.halves < b.halves;
    if (a.likelihood !== b.likelihood) return a.likelihood > b.likelihood;
    const oa = this.#orders[a.slot]!;
    const ob = this.#orders[b.slot]!;
    if (oa !== ob) return oa > ob;
    const la = this.#models.length(a.slot);
    const lb = this.#models.length(b.slot);
    if (la !== lb) return la < lb;
    const m = this.#models.compare(a.slot, b.slot);
    if (m !== 0) return m < 0;
    return this.#ids.compare(a.slot, b.slot) < 0;
  }

  #brandId(brand: string): number {
    const key = normaliseModel(brand);
    let id = this.#brandIds.get(key);
    if (id === undefined) {
      id = this.#brandNames.push(brand) - 1;
      this.#brandIds.set(key, id);
    }
    return id;
  }

  #addSlot(item: IndexedAppliance): number {
    const slot = this.#ids.rows;
    if (slot >= this.#alive.length) {
      this.#brandOf = growTo(this.#brandOf, slot * 2 + 16);
      this.#orders = growTo(this.#orders, slot * 2 + 16);
      this.#alive = growTo(this.#alive, slot * 2 + 16);
    }
    this.#ids.push(item.id);
    this.#models.push(item.model);
    this.#live++;
    this.#brandOf[slot] = this.#brandId(item.brand);
    this.#orders[slot] = item.orderCount;
    this.#alive[slot] = 1;
    this.#slotOf.add(slot);
    return slot;
  }

  #rebuildDelta(): void {
    const builder = new KeySegmentBuilder();
    for (const [slot, keys] of this.#pending) addKeys(builder, slot, keys);
    this.#delta = this.#pending.size > 0 ? builder.finish() : null;
    this.#deltaDirty = false;
  }

  /** Folds the delta into a new base; only live keys survive. */
  #merge(): void {
    const builder = new KeySegmentBuilder();
    const s = this.#base;
    for (let key = 0; key < s.owner.length; key++) {
      const slot = s.owner[key]! >>> 1;
      if (this.#alive[slot] === 1) builder.add(keyText(s, key), slot, (s.owner[key]! & 1) === 1);
    }
    for (const [slot, keys] of this.#pending) addKeys(builder, slot, keys);
    this.#base = builder.finish();
    this.#pending.clear();
    this.#delta = null;
    this.#deltaDirty = false;
  }
}

/** The normalised model key first, then distinct normalised aliases. */
function keysOf(item: IndexedAppliance): string[] {
  const keys = [normaliseModel(item.model)];
  for (const alias of item.aliases) {
    const key = normaliseModel(alias);
    if (key !== '' && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

function addKeys(builder: KeySegmentBuilder, slot: number, keys: string[]): void {
  for (let i = 0; i < keys.length; i++) builder.add(keys[i]!, slot, i > 0);
}

function growTo<T extends Uint8Array | Uint16Array | Float32Array>(a: T, n: number): T {
  const next = new (a.constructor as new (n: number) => T)(n);
  next.set(a);
  return next;
}
