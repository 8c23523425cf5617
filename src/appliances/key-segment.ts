import { MISREAD_FOLD } from './edit-cost.ts';
import { sortRows } from './sort-rows.ts';

/**
 * An immutable, sorted set of normalised keys (model numbers and aliases) held in typed
 * arrays: a byte pool plus offset, length and owner columns, so a million appliances cost
 * no per-key objects. `sorted` orders all keys bytewise for exact and prefix binary search;
 * `table` jumps straight to the ranks sharing the first three characters, saving the
 * probes (each a cache miss) at the top of the search, and `head` holds the next four
 * characters of each rank, so most probes below that read one array instead of three. `fwd` and `rev` hold the model keys
 * misread-folded, forwards and backwards, as fixed-width rows in rank order: implicit tries
 * for the fuzzy walk that read one cache line per probe. `long` holds the same rows for only the
 * model keys of {@link LONG_KEYS} characters or more, for long queries.
 */
export type KeySegment = {
  bytes: Uint8Array;
  start: Uint32Array;
  len: Uint8Array;
  /** slot * 2 + 1 for an alias, slot * 2 for a model key. */
  owner: Uint32Array;
  sorted: Uint32Array;
  table: Uint32Array;
  /** Characters 3–6 of the key of each rank in `sorted`, big-endian, 0 past the key's end. */
  head: Uint32Array;
  fwd: TrieRows;
  rev: TrieRows;
  /** Longest `min` first; see {@link LONG_KEYS}. */
  long: LongRows[];
};

/** The forward and backward rows of the model keys of `min` characters or more. */
export type LongRows = { min: number; fwd: TrieRows; rev: TrieRows };

/**
 * Model keys at least this long get tries of their own. A query of `min + k` characters or
 * more can only be within `k` edits of them, so its walk skips the rest: from 12 (typically a
 * model with a production code after it, `BGL3A330/01 FD 9103`) a tenth of the keys; from 10,
 * which a 12-character query searched with two edits needs (see lookup-index.ts), a third.
 */
export const LONG_KEYS = [12, 10];

/**
 * Keys as rows of `width` bytes (0-padded) in sorted order; `keys[rank]` is the key index.
 * `table` is a prefix table (see {@link prefixTable}) over the first `depth` characters.
 */
export type TrieRows = {
  rows: Uint8Array;
  width: number;
  keys: Uint32Array;
  table: Uint32Array;
  depth: number;
};

/**
 * Rows this many or more get a three-character prefix table (37³ ranks, 200 kB) instead of a
 * two-character one: the fuzzy walk then reads the ranks of its first three levels, where each
 * binary search over a million rows costs a cache miss per probe. A small delta segment, rebuilt
 * after every upsert, keeps the small table.
 */
export const DEEP_TABLE_ROWS = 1 << 16;
const tableDepth = (rows: number) => (rows >= DEEP_TABLE_ROWS ? 3 : 2);

/** Longest key the fuzzy walk sees whole; longer model keys are matched on this prefix. */
const TRIE_WIDTH = 24;
const SORT_WIDTH = 24;

/** 0 past the end, 1–10 for digits, 11–36 for letters: preserves bytewise order. */
export function code(byte: number): number {
  return byte === 0 ? 0 : byte <= 57 ? byte - 47 : byte - 54;
}

/** Collects keys one by one into growable typed arrays, then sorts once in {@link finish}. */
export class KeySegmentBuilder {
  #bytes = new Uint8Array(1 << 16);
  #byteCount = 0;
  #start = new Uint32Array(1 << 12);
  #len = new Uint8Array(1 << 12);
  #owner = new Uint32Array(1 << 12);
  #count = 0;

  /** `key` must already be normalised (A–Z, 0–9). */
  add(key: string, slot: number, alias: boolean): void {
    const n = Math.min(key.length, 255);
    if (n === 0) return;
    if (this.#byteCount + n > this.#bytes.length) this.#bytes = grow(this.#bytes, this.#byteCount + n);
    if (this.#count === this.#start.length) {
      this.#start = grow(this.#start, this.#count + 1);
      this.#len = grow(this.#len, this.#count + 1);
      this.#owner = grow(this.#owner, this.#count + 1);
    }
    for (let i = 0; i < n; i++) this.#bytes[this.#byteCount + i] = key.charCodeAt(i);
    this.#start[this.#count] = this.#byteCount;
    this.#len[this.#count] = n;
    this.#owner[this.#count] = slot * 2 + (alias ? 1 : 0);
    this.#byteCount += n;
    this.#count++;
  }

  finish(): KeySegment {
    const bytes = this.#bytes.slice(0, this.#byteCount);
    const start = this.#start.slice(0, this.#count);
    const len = this.#len.slice(0, this.#count);
    const owner = this.#owner.slice(0, this.#count);
    const all = Uint32Array.from({ length: this.#count }, (_, i) => i);
    const models = all.filter((k) => (owner[k]! & 1) === 0);
    const s = { bytes, start, len, owner };
    const main = trieRows(s, all, SORT_WIDTH, false, false);
    fixTruncatedOrder(s, main);
    const fwd = trieRows(s, models, TRIE_WIDTH, true, false);
    const rev = trieRows(s, models, TRIE_WIDTH, true, true);
    const long = LONG_KEYS.map((min) => {
      const isLong = (k: number) => len[k]! >= min;
      return { min, fwd: someRows(fwd, isLong), rev: someRows(rev, isLong) };
    });
    const head = main.keys.map((k) => packHead(bytes, start[k]!, len[k]!));
    return { ...s, sorted: main.keys, table: prefixTable(main, 3), head, fwd, rev, long };
  }
}

type Pool = Pick<KeySegment, 'bytes' | 'start' | 'len'>;

function trieRows(s: Pool, keys: Uint32Array, maxWidth: number, fold: boolean, reverse: boolean): TrieRows {
  let width = 1;
  for (const k of keys) width = Math.max(width, s.len[k]!);
  width = Math.min(width, maxWidth);
  const rows = new Uint8Array(keys.length * width);
  for (let r = 0; r < keys.length; r++) {
    const k = keys[r]!;
    const n = Math.min(s.len[k]!, width);
    const o = s.start[k]!;
    for (let d = 0; d < n; d++) {
      const b = s.bytes[reverse ? o + s.len[k]! - 1 - d : o + d]!;
      rows[r * width + d] = fold ? MISREAD_FOLD[b]! : b;
    }
  }
  const ids = keys.slice();
  sortRows(rows, ids, width);
  const t: TrieRows = { rows, width, keys: ids, table: new Uint32Array(0), depth: tableDepth(ids.length) };
  t.table = prefixTable(t, t.depth);
  return t;
}

/** The rows of the keys that pass `keep`, still in sorted order, so without sorting again. */
function someRows(t: TrieRows, keep: (key: number) => boolean): TrieRows {
  const { width } = t;
  let n = 0;
  for (const k of t.keys) if (keep(k)) n++;
  const rows = new Uint8Array(n * width);
  const keys = new Uint32Array(n);
  let r = 0;
  for (let from = 0; from < t.keys.length; from++) {
    if (!keep(t.keys[from]!)) continue;
    rows.set(t.rows.subarray(from * width, from * width + width), r * width);
    keys[r++] = t.keys[from]!;
  }
  const some: TrieRows = { rows, width, keys, table: new Uint32Array(0), depth: tableDepth(n) };
  some.table = prefixTable(some, some.depth);
  return some;
}

/** `table[c]` is the first rank whose first `depth` characters encode (base 37) to ≥ c. */
function prefixTable(t: TrieRows, depth: number): Uint32Array {
  const size = 37 ** depth;
  const table = new Uint32Array(size + 1);
  const n = t.keys.length;
  let r = 0;
  for (let c = 0; c <= size; c++) {
    while (r < n && prefixCode(t, r, depth) < c) r++;
    table[c] = r;
  }
  return table;
}

function prefixCode(t: TrieRows, r: number, depth: number): number {
  let c = 0;
  for (let d = 0; d < depth; d++) c = c * 37 + (d < t.width ? code(t.rows[r * t.width + d]!) : 0);
  return c;
}

/** Keys longer than the sort width tie on their first bytes; order those runs fully. */
function fixTruncatedOrder(s: Pool, t: TrieRows): void {
  const w = t.width;
  for (let r = 0; r < t.keys.length - 1; ) {
    let e = r + 1;
    if (t.rows[r * w + w - 1] !== 0) {
      while (e < t.keys.length && t.rows.subarray(e * w, e * w + w).every((b, i) => b === t.rows[r * w + i]))
        e++;
    }
    if (e - r > 1) {
      const run = Array.from(t.keys.subarray(r, e)).sort((a, b) => compareKeys(s, a, b));
      t.keys.set(run, r);
    }
    r = e;
  }
}

function compareKeys(s: Pool, a: number, b: number): number {
  const n = Math.min(s.len[a]!, s.len[b]!);
  for (let i = 0; i < n; i++) {
    const d = s.bytes[s.start[a]! + i]! - s.bytes[s.start[b]! + i]!;
    if (d !== 0) return d;
  }
  return s.len[a]! - s.len[b]!;
}

function grow<T extends Uint8Array | Uint32Array>(a: T, need: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/** First rank in `sorted` whose key is ≥ `q[0, qLen)` bytewise. */
export function lowerBound(s: KeySegment, q: Uint8Array, qLen: number): number {
  let c = 0;
  for (let d = 0; d < 3; d++) c = c * 37 + (d < qLen ? code(q[d]!) : 0);
  // A query of three characters or fewer is the first key of its table entry or sorts before it.
  if (qLen <= 3) return s.table[c]!;
  return lowerBoundIn(s, q, qLen, s.table[c]!, s.table[c + 1]!);
}

/**
 * {@link lowerBound} searched only in ranks `[lo, hi)`, which the caller knows hold it and
 * whose keys all start with the query's first three characters (so `head` decides a probe
 * unless the next four are equal too): the first rank there whose key is ≥ `q[0, qLen)`, or `hi`.
 */
export function lowerBoundIn(s: KeySegment, q: Uint8Array, qLen: number, lo: number, hi: number): number {
  const qHead = packHead(q, 0, qLen);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const h = s.head[mid]!;
    if (h !== qHead ? h < qHead : compareToQuery(s, s.sorted[mid]!, q, qLen) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Characters 3–6 of `b[start, start + len)`, big-endian, 0 past its end: see `head`. */
function packHead(b: Uint8Array, start: number, len: number): number {
  let h = 0;
  for (let d = 3; d < 7; d++) h = h * 256 + (d < len ? b[start + d]! : 0);
  return h;
}

/** Whether key `k` starts with `q[0, qLen)`. */
export function startsWith(s: KeySegment, k: number, q: Uint8Array, qLen: number): boolean {
  if (s.len[k]! < qLen) return false;
  const o = s.start[k]!;
  for (let i = 0; i < qLen; i++) if (s.bytes[o + i] !== q[i]) return false;
  return true;
}

function compareToQuery(s: KeySegment, k: number, q: Uint8Array, qLen: number): number {
  const n = s.len[k]!;
  const o = s.start[k]!;
  const m = Math.min(n, qLen);
  for (let i = 0; i < m; i++) {
    const d = s.bytes[o + i]! - q[i]!;
    if (d !== 0) return d;
  }
  return n - qLen;
}

/** The key as a string, for presenting what matched. */
export function keyText(s: KeySegment, k: number): string {
  const o = s.start[k]!;
  return String.fromCharCode(...s.bytes.subarray(o, o + s.len[k]!));
}
