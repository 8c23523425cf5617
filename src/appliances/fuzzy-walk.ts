import { code, type KeySegment, type TrieRows } from './key-segment.ts';
import { rowHasTail, tailStart } from './row-tail.ts';

/**
 * Finds every model key within `k` unit edits (folded space, edit-cost.ts) of a query by walking a
 * sorted permutation as an implicit trie and carrying one dynamic-programming row per depth.
 *
 * A plain trie walk with two edits keeps almost every node alive for the first few levels,
 * which at a million keys costs milliseconds. So the walk is split (pigeonhole): the forward
 * walk allows at most ⌊k/2⌋ edits while still inside the first `m` query characters; an
 * alignment it misses has spent more than that early, so its remaining edits (at most
 * k-⌊k/2⌋-1) fall in the last characters, which the backward walk over reversed keys caps.
 * Together they miss nothing, and each keeps only a narrow band of nodes alive near the root,
 * where the trie is widest. `m` is chosen per query (see {@link splitPoint}); `split` forces it.
 *
 * Once every alive cell of a node's row is at its cap, only children carrying one of a few
 * query characters can live, so those are found by binary search instead of trying every
 * child: after the one edit is spent, a walk follows a single path instead of fanning out.
 * Once every edit is spent, that path is the rest of the query, so its keys are found with one
 * search (row-tail.ts) instead of a descent per character; and a walk held exact on its first
 * characters starts at their node, whose ranks {@link narrow} found for the split.
 */
export function fuzzyWalk(
  s: KeySegment,
  query: Uint8Array,
  qLen: number,
  k: number,
  fold: Uint8Array,
  emit: (key: number) => void,
  split?: number,
): void {
  const front = Math.floor(k / 2);
  if (qLen + 1 > folded.length) {
    folded = new Uint8Array(qLen * 2 + 2);
    reversed = new Uint8Array(qLen * 2 + 2);
    fwdFrom = new Int32Array(qLen * 2 + 2);
    fwdTo = new Int32Array(qLen * 2 + 2);
    revFrom = new Int32Array(qLen * 2 + 2);
    revTo = new Int32Array(qLen * 2 + 2);
  }
  for (let i = 0; i < qLen; i++) {
    const c = fold[query[i]!]!;
    folded[i] = c;
    reversed[qLen - 1 - i] = c;
  }
  // Keys more than k characters shorter than the query are more than k edits away: walk the
  // fewest keys that hold all the others.
  let fwd = s.fwd;
  let rev = s.rev;
  for (const l of s.long) {
    if (qLen - k >= l.min) {
      fwd = l.fwd;
      rev = l.rev;
      break;
    }
  }
  narrow(fwd, folded, qLen, fwdFrom, fwdTo);
  narrow(rev, reversed, qLen, revFrom, revTo);
  const m = split ?? splitPoint(qLen, front);
  walk(fwd, folded, qLen, k, m, front, emit, fwdFrom, fwdTo);
  walk(rev, reversed, qLen, k, qLen - m + 1, k - front - 1, emit, revFrom, revTo);
}

let folded = new Uint8Array(64);
let reversed = new Uint8Array(64);
/** The ranks of the rows starting with the query's first n characters: `[fwdFrom[n], fwdTo[n])`. */
let fwdFrom = new Int32Array(64);
let fwdTo = new Int32Array(64);
/** The same for the reversed rows and the query's last n characters. */
let revFrom = new Int32Array(64);
let revTo = new Int32Array(64);

/**
 * Where to split the query between the two walks. Any split in `[1, qLen]` finds the same
 * keys: the forward walk is held (nearly) exact on the first `m - 1` characters, the backward
 * walk exact on the last `qLen - m`. Their cost is dominated by the keys below those held
 * parts, and model numbers are anything but uniform (`ESAM…`, `…INOX`), so the split balances
 * the number of keys sharing the held prefix against those sharing the held suffix, counted
 * by {@link narrow} with a search per character in the folded rows. A forward walk
 * that may spend `front` edits in its held part fans out below its first `m - 1 - front`
 * characters already, so those are what it counts (measured on the benchmark's two-edit walks:
 * a seventh less time than counting `m - 1`).
 */
function splitPoint(qLen: number, front: number): number {
  const held = (m: number) => {
    const n = Math.max(0, m - 1 - front);
    return fwdTo[n]! - fwdFrom[n]! + revTo[qLen - m]! - revFrom[qLen - m]!;
  };
  let best = Math.ceil(qLen / 2);
  let bestCost = held(best);
  for (let m = 1; m <= qLen; m++) {
    const cost = held(m);
    if (cost < bestCost) {
      best = m;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * The rows starting with `q[0, n)` are ranks `[from[n], to[n])`, for n in `[0, qLen]`: what the
 * split is chosen by, and where a walk held exact on its first characters starts.
 */
function narrow(t: TrieRows, q: Uint8Array, qLen: number, from: Int32Array, to: Int32Array): void {
  const { rows, width, table } = t;
  let lo = 0;
  let hi = t.keys.length;
  from[0] = lo;
  to[0] = hi;
  let d = 0;
  // The first characters straight from the prefix table, saving the widest searches.
  const fromTable = Math.min(t.depth, width, qLen);
  let prefix = 0;
  for (; d < fromTable; d++) {
    prefix = prefix * 37 + code(q[d]!);
    const unit = UNIT[t.depth - 1 - d]!;
    lo = table[prefix * unit]!;
    hi = table[(prefix + 1) * unit]!;
    from[d + 1] = lo;
    to[d + 1] = hi;
  }
  for (; d < qLen; d++) {
    if (hi === lo) {
      // Nothing shares this prefix, so nothing shares a longer one.
      from.fill(lo, d + 1, qLen + 1);
      to.fill(lo, d + 1, qLen + 1);
      return;
    }
    if (d < width) {
      const c = q[d]!;
      lo = charStart(t, d, c, lo, hi);
      hi = lo < hi && rows[lo * width + d] === c ? runEnd(t, d, c, lo, hi) : lo;
    }
    from[d + 1] = lo;
    to[d + 1] = hi;
  }
}

/** `UNIT[n]` = 37ⁿ: the table entries one more character spans with `n` characters to go. */
const UNIT = [1, 37, 37 * 37, 37 * 37 * 37];

/** The table index of the path's first `d` characters followed by `c`, at the table's depth. */
function tableAt(depth: number, d: number, c: number): number {
  let prefix = 0;
  for (let e = 0; e < d; e++) prefix = prefix * 37 + code(path[e]!);
  return (prefix * 37 + code(c)) * UNIT[depth - 1 - d]!;
}

const DEAD = 1 << 20;
let rows = new Int32Array(1024);
let caps = new Int32Array(64);
let path = new Uint8Array(64);
let los = new Int32Array(64);
let his = new Int32Array(64);
let cands = new Uint8Array(64 * 64);
let candStride = 64;

// Walk state lives in module variables: a closure per walk would be re-specialised and
// deoptimised by V8 on every query.
let T: TrieRows = {
  rows: new Uint8Array(0),
  width: 1,
  keys: new Uint32Array(0),
  table: new Uint32Array(0),
  depth: 2,
};
let Q: Uint8Array = new Uint8Array(0);
let QLEN = 0;
let K = 0;
let EMIT: (key: number) => void = () => {};

function walk(
  t: TrieRows,
  q: Uint8Array,
  qLen: number,
  k: number,
  capEnd: number,
  capLow: number,
  emit: (key: number) => void,
  from: Int32Array,
  to: Int32Array,
): void {
  const w = qLen + 1;
  const maxDepth = qLen + k;
  if ((maxDepth + 2) * w > rows.length) rows = new Int32Array((maxDepth + 2) * w * 2);
  if (maxDepth + 2 > path.length) {
    path = new Uint8Array((maxDepth + 2) * 2);
    los = new Int32Array((maxDepth + 2) * 2);
    his = new Int32Array((maxDepth + 2) * 2);
  }
  if (w > caps.length) caps = new Int32Array(w * 2);
  if (w + 1 > candStride || (maxDepth + 2) * candStride > cands.length) {
    candStride = Math.max(candStride, w + 1);
    cands = new Uint8Array((maxDepth + 2) * candStride * 2);
  }
  for (let j = 0; j <= qLen; j++) caps[j] = j < capEnd ? capLow : k;
  let hi = 0;
  for (let j = 0; j <= qLen; j++) {
    rows[j] = j <= caps[j]! ? j : DEAD;
    if (rows[j] !== DEAD) hi = j;
  }
  los[0] = 0;
  his[0] = hi;
  // Held exact before capEnd, the walk has nothing to choose above depth capEnd - 2: an edit
  // there lands in a column capped at 0 (a swap two columns on). So it starts at the node of
  // the query's first capEnd - 2 characters, found by narrow(), with the rows it would carry.
  const start = capLow === 0 ? Math.max(0, capEnd - 2) : 0;
  for (let d = 1; d <= start; d++) {
    rows[d * w + d] = 0;
    los[d] = d;
    his[d] = d;
    path[d - 1] = q[d - 1]!;
  }
  T = t;
  Q = q;
  QLEN = qLen;
  K = k;
  EMIT = emit;
  visit(from[start]!, to[start]!, start);
}

/** Visits the trie node of depth `d` holding ranks `[lo, hi)`; its DP row is row `d`. */
function visit(lo: number, hi: number, d: number): void {
  const { rows: keyRows, width, keys } = T;
  const qLen = QLEN;
  const k = K;
  let i = lo;
  const row = d * (qLen + 1);
  while (i < hi && (d >= width || keyRows[i * width + d] === 0)) {
    if (his[d] === qLen && rows[row + qLen]! <= k) EMIT(keys[i]!);
    i++;
  }
  if (d >= qLen + k || i >= hi) return;
  if (anyChildLives(row, d)) visitChildren(i, hi, d);
  else if (editsSpent(row, d)) emitTails(i, hi, d);
  else visitCandidates(i, hi, d);
}

/**
 * No path below the node can afford another edit: each alive column j can only go on with the
 * query's rest `q[j, qLen)`, so one search per column finds its keys (see row-tail.ts) instead
 * of a descent per character.
 */
function emitTails(i: number, hi: number, d: number): void {
  const qLen = QLEN;
  const row = d * (qLen + 1);
  for (let j = los[d]!; j < qLen && j <= his[d]!; j++) {
    if (rows[row + j]! > K || d + qLen - j > T.width) continue;
    for (let r = tailStart(T, i, hi, d, Q, j, qLen); r < hi && rowHasTail(T, r, d, Q, j, qLen); r++) {
      EMIT(T.keys[r]!);
    }
  }
}

/**
 * Every alive cell is at its cap: only a child matching a query character (or completing a
 * transposition) can live, so look those few up instead of trying every child.
 */
function visitCandidates(i: number, hi: number, d: number): void {
  const { rows: keyRows, width, table } = T;
  const n = candidates(d);
  const base = d * candStride;
  for (let x = 0; x < n; x++) {
    const c = cands[base + x]!;
    if (d < T.depth) {
      // The first levels are the widest: read the child's ranks from the prefix table (the
      // same bounds the binary search below would find, without its cache misses).
      const at = tableAt(T.depth, d, c);
      const from = table[at]!;
      const to = table[at + UNIT[T.depth - 1 - d]!]!;
      if (to > from) descend(from, to, d, c);
      continue;
    }
    const from = charStart(T, d, c, i, hi);
    if (from < hi && keyRows[from * width + d] === c) descend(from, runEnd(T, d, c, from, hi), d, c);
  }
}

/** Some cell has room for an edit, so any child may live: try each. */
function visitChildren(i: number, hi: number, d: number): void {
  const { rows: keyRows, width, table } = T;
  while (i < hi) {
    const c = keyRows[i * width + d]!;
    let a: number;
    if (d < T.depth) {
      // The first levels are the widest: read child ends from the prefix table.
      a = table[tableAt(T.depth, d, c) + UNIT[T.depth - 1 - d]!]!;
    } else {
      a = runEnd(T, d, c, i, hi);
    }
    descend(i, a, d, c);
    i = a;
  }
}

/** The first rank in `[lo, hi)` whose character at depth `d` is `c` or above (they share the `d` before). */
function charStart(t: TrieRows, d: number, c: number, lo: number, hi: number): number {
  const { rows: keyRows, width } = t;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyRows[mid * width + d]! < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The end of the run of rows with character `c` at depth `d` from rank `from` (which has it) on,
 * at most `hi`. Galloping from `from`, not a binary search over `[from, hi)`: a run is mostly
 * short and its first rows were just read.
 */
function runEnd(t: TrieRows, d: number, c: number, from: number, hi: number): number {
  const { rows: keyRows, width } = t;
  let step = 1;
  let a = from + 1;
  let b = a;
  while (b < hi && keyRows[b * width + d] === c) {
    a = b + 1;
    b += step;
    step *= 2;
  }
  if (b > hi) b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (keyRows[mid * width + d] === c) a = mid + 1;
    else b = mid;
  }
  return a;
}

/**
 * Whether a child with a character matching nothing in the query could still be alive: some
 * cell of row `d` has room for one more edit (a deletion in its own column or a substitution
 * in the next one). Insertions extend a cell of the new row, so they need one of those first
 * or a matching character.
 */
function anyChildLives(row: number, d: number): boolean {
  const phi = his[d]!;
  for (let j = los[d]!; j <= phi; j++) {
    const r = rows[row + j]! + 1;
    if (r <= caps[j]! || (j < QLEN && r <= caps[j + 1]!)) return true;
  }
  return false;
}

/**
 * Whether no path below the node of depth `d` can afford another edit, so only matches remain:
 * every alive cell of row `d` has spent all `K` edits, and no swap can still complete from the
 * rows above it (one edit from row `d - 1`, only where the query goes on with the character this
 * path carries; a swap around a dropped or added character, two edits, from rows `d - 1` and
 * `d - 2`). The caps do not count here: a cell at a lower cap may spend more past `capEnd`.
 */
function editsSpent(row: number, d: number): boolean {
  const k = K;
  for (let j = los[d]!; j <= his[d]!; j++) if (rows[row + j]! < k) return false;
  const w = QLEN + 1;
  if (d >= 1) {
    const carried = path[d - 1]!;
    for (let x = los[d - 1]!; x <= his[d - 1]!; x++) {
      const v = rows[row - w + x]!;
      if (v + 2 <= k || (v + 1 <= k && x + 1 < QLEN && Q[x + 1] === carried)) return false;
    }
  }
  if (d >= 2) {
    for (let x = los[d - 2]!; x <= his[d - 2]!; x++) if (rows[row - 2 * w + x]! + 2 <= k) return false;
  }
  return true;
}

/**
 * The distinct query characters a child of row `d` must carry to live when no cell has room
 * for an edit: a match on the diagonal of an alive cell, or the second half of a swap: `xy` →
 * `yx` from an alive cell of row `d - 1`, and in a two-edit walk `xy` → `ygx` (from row
 * `d - 1`) and `xgy` → `yx` (from row `d - 2`), each only where the query goes on with the `x`
 * this path already carries. Written to `cands` at `d * candStride`; returns the count.
 */
function candidates(d: number): number {
  const q = Q;
  const qLen = QLEN;
  const base = d * candStride;
  let n = 0;
  for (let pass = 0; pass < 3; pass++) {
    if (pass > d || (pass === 2 && K < 2)) break;
    const carried = pass === 0 ? -1 : path[d - pass]!;
    const to = Math.min(his[d - pass]!, pass === 0 ? qLen - 1 : qLen - 2);
    for (let x = los[d - pass]!; x <= to; x++) {
      if (
        pass !== 0 &&
        q[x + 1] !== carried &&
        !(pass === 1 && K >= 2 && x + 2 < qLen && q[x + 2] === carried)
      ) {
        continue;
      }
      const c = q[x]!;
      let dup = false;
      for (let y = 0; y < n; y++) if (cands[base + y] === c) dup = true;
      if (!dup) cands[base + n++] = c;
    }
  }
  return n;
}

/** Computes the DP row of the child of depth `d + 1` with character `c` over ranks `[i, a)`. */
function descend(i: number, a: number, d: number, c: number): void {
  const q = Q;
  const qLen = QLEN;
  const w = qLen + 1;
  const row = d * w;
  const next = row + w;
  path[d] = c;
  // Only columns [lo, hi] of row d are alive; row d+1 can only be alive from lo onwards, unless
  // a swap around a dropped or added character (two edits) reaches it from rows d-2 or d-1.
  const plo = los[d]!;
  const phi = his[d]!;
  const prevC = d > 0 ? path[d - 1]! : -1;
  let from = plo;
  let to = phi + 1;
  let gaps = false;
  if (K >= 2 && d > 0) {
    // Columns a swap around a dropped (xgy → yx) or added (xy → ygx) character can reach.
    for (let x = los[d - 1]!; x <= his[d - 1]! && x + 3 <= qLen; x++) {
      if (q[x] === c && q[x + 2] === prevC && c !== prevC) {
        gaps = true;
        if (x + 3 < from) from = x + 3;
        if (x + 3 > to) to = x + 3;
      }
    }
    if (d > 1) {
      const before = path[d - 2]!;
      for (let x = los[d - 2]!; x <= his[d - 2]! && x + 2 <= qLen; x++) {
        if (q[x] === c && q[x + 1] === before && c !== before) {
          gaps = true;
          if (x + 2 < from) from = x + 2;
          if (x + 2 > to) to = x + 2;
        }
      }
    }
  }
  let nlo = -1;
  let nhi = -1;
  let left = DEAD;
  for (let j = from; j <= qLen; j++) {
    let v = j >= plo && j <= phi ? rows[row + j]! + 1 : DEAD;
    if (j > 0) {
      const qc = q[j - 1]!;
      if (j - 1 >= plo && j - 1 <= phi) {
        const diag = rows[row + j - 1]! + (qc === c ? 0 : 1);
        if (diag < v) v = diag;
      }
      if (left + 1 < v) v = left + 1;
      if (c !== qc && j > 1 && c === q[j - 2]) {
        // xy → yx from row d-1; xgy → yx (g dropped) from row d-2.
        if (prevC === qc && j - 2 >= los[d - 1]! && j - 2 <= his[d - 1]!) {
          const tr = rows[row - w + j - 2]! + 1;
          if (tr < v) v = tr;
        }
        if (gaps && d > 1 && path[d - 2] === qc && j - 2 >= los[d - 2]! && j - 2 <= his[d - 2]!) {
          const tr = rows[row - 2 * w + j - 2]! + 2;
          if (tr < v) v = tr;
        }
      }
      // xy → ygx (g added) from row d-1.
      if (
        gaps &&
        c !== qc &&
        j > 2 &&
        c === q[j - 3] &&
        prevC === qc &&
        j - 3 >= los[d - 1]! &&
        j - 3 <= his[d - 1]!
      ) {
        const tr = rows[row - w + j - 3]! + 2;
        if (tr < v) v = tr;
      }
    }
    if (v > caps[j]!) {
      v = DEAD;
      if (j > to) break;
    } else {
      if (nlo < 0) nlo = j;
      nhi = j;
    }
    rows[next + j] = v;
    left = v;
  }
  if (nlo >= 0) {
    los[d + 1] = nlo;
    his[d + 1] = nhi;
    visit(i, a, d + 1);
  }
}
