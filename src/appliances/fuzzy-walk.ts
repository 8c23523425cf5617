import { code, type KeySegment, type TrieRows } from './key-segment.ts';

/**
 * Finds every model key within `k` unit edits (folded space, OSA) of a query by walking a
 * sorted permutation as an implicit trie and carrying one dynamic-programming row per depth.
 *
 * A plain trie walk with two edits keeps almost every node alive for the first few levels,
 * which at a million keys costs milliseconds. So the walk is split (pigeonhole): the forward
 * walk allows at most ⌊k/2⌋ edits while still inside the first `m` query characters; an
 * alignment it misses has spent more than that early, so its remaining edits (at most
 * k-⌊k/2⌋-1) fall in the last characters, which the backward walk over reversed keys caps.
 * Together they miss nothing, and each keeps only a narrow band of nodes alive near the root,
 * where the trie is widest.
 */
export function fuzzyWalk(
  s: KeySegment,
  query: Uint8Array,
  qLen: number,
  k: number,
  fold: Uint8Array,
  emit: (key: number) => void,
): void {
  const front = Math.floor(k / 2);
  const m = Math.ceil(qLen / 2);
  const folded = new Uint8Array(qLen);
  for (let i = 0; i < qLen; i++) folded[i] = fold[query[i]!]!;
  walk(s.fwd, folded, qLen, k, m, front, emit);
  folded.reverse();
  walk(s.rev, folded, qLen, k, qLen - m + 1, k - front - 1, emit);
}

const DEAD = 1 << 20;
let rows = new Int32Array(1024);
let caps = new Int32Array(64);
let path = new Uint8Array(64);
let los = new Int32Array(64);
let his = new Int32Array(64);

// Walk state lives in module variables: a closure per walk would be re-specialised and
// deoptimised by V8 on every query.
let T: TrieRows = { rows: new Uint8Array(0), width: 1, keys: new Uint32Array(0), table: new Uint32Array(0) };
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
  for (let j = 0; j <= qLen; j++) caps[j] = j < capEnd ? capLow : k;
  let hi = 0;
  for (let j = 0; j <= qLen; j++) {
    rows[j] = j <= caps[j]! ? j : DEAD;
    if (rows[j] !== DEAD) hi = j;
  }
  los[0] = 0;
  his[0] = hi;
  T = t;
  Q = q;
  QLEN = qLen;
  K = k;
  EMIT = emit;
  visit(0, t.keys.length, 0);
}

/** Visits the trie node of depth `d` holding ranks `[lo, hi)`; its DP row is row `d`. */
function visit(lo: number, hi: number, d: number): void {
  const { rows: keyRows, width, keys, table } = T;
  const q = Q;
  const qLen = QLEN;
  const k = K;
  const w = qLen + 1;
  let i = lo;
  const row = d * w;
  while (i < hi && (d >= width || keyRows[i * width + d] === 0)) {
    if (his[d] === qLen && rows[row + qLen]! <= k) EMIT(keys[i]!);
    i++;
  }
  if (d >= qLen + k) return;
  const next = row + w;
  while (i < hi) {
    const c = keyRows[i * width + d]!;
    let a: number;
    if (d < 2) {
      // The first two levels are the widest: read child ends from the prefix table.
      a = d === 0 ? table[(code(c) + 1) * 37]! : table[code(path[0]!) * 37 + code(c) + 1]!;
    } else {
      // Gallop to the end of the run of rows with character c at depth d.
      let step = 1;
      a = i + 1;
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
    }
    path[d] = c;
    // Only columns [lo, hi] of row d are alive; row d+1 can only be alive from lo onwards.
    const plo = los[d]!;
    const phi = his[d]!;
    const prevC = d > 0 ? path[d - 1]! : -1;
    let nlo = -1;
    let nhi = -1;
    let left = DEAD;
    for (let j = plo; j <= qLen; j++) {
      let v = j <= phi ? rows[row + j]! + 1 : DEAD;
      if (j > plo) {
        const qc = q[j - 1]!;
        const diag = j - 1 <= phi ? rows[row + j - 1]! + (qc === c ? 0 : 1) : DEAD;
        if (diag < v) v = diag;
        if (left + 1 < v) v = left + 1;
        if (
          prevC === qc &&
          j > 1 &&
          c === q[j - 2] &&
          c !== qc &&
          j - 2 >= los[d - 1]! &&
          j - 2 <= his[d - 1]!
        ) {
          const tr = rows[row - w + j - 2]! + 1;
          if (tr < v) v = tr;
        }
      }
      if (v > caps[j]!) {
        v = DEAD;
        if (j > phi + 1) break;
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
    i = a;
  }
}
