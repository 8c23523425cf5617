/**
 * Edit cost between two normalised model numbers, in half-edits so all arithmetic stays in
 * integers: insertion, deletion, substitution and adjacent transposition cost 2 (one edit),
 * a substitution between characters that are easily misread on a type plate costs 1.
 * A swap may also straddle one dropped or added character (`VS39` → `3V9`, `36` → `625`): those
 * are two slips and cost two edits, as in Damerau–Levenshtein, where optimal string alignment
 * would charge three. Beyond that a transposed pair is not edited again.
 */

/** Characters that look alike on an engraved or worn plate; each group folds to its first member. */
const MISREAD_GROUPS = ['0O', '1IL', '8B', '5S', '2Z', '6G'];

/** Byte → byte table mapping every misreadable character to its group's representative. */
export const MISREAD_FOLD: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (let c = 0; c < 256; c++) table[c] = c;
  for (const group of MISREAD_GROUPS) {
    for (const ch of group) table[ch.charCodeAt(0)] = group.charCodeAt(0);
  }
  return table;
})();

/** One edit, in the half-edit units returned by {@link editCostHalves}. */
export const EDIT = 2;

let prev3 = new Int32Array(64);
let prev2 = new Int32Array(64);
let prev = new Int32Array(64);
let cur = new Int32Array(64);

/**
 * Cost in half-edits of turning `a[aStart, aStart+aLen)` into `b[bStart, bStart+bLen)`,
 * or `Infinity` as soon as it is certain to exceed `maxHalves`.
 *
 * Only a band around the diagonal is worked out: a cell `i - j` columns off it costs at least
 * that many edits, so one outside the band exceeds `maxHalves`, and so does every alignment
 * through it. The cells just outside the band are read as {@link OUTSIDE}.
 */
export function editCostHalves(
  a: Uint8Array,
  aStart: number,
  aLen: number,
  b: Uint8Array,
  bStart: number,
  bLen: number,
  maxHalves: number,
): number {
  if (Math.abs(aLen - bLen) * EDIT > maxHalves) return Infinity;
  if (bLen + 3 > cur.length) {
    prev3 = new Int32Array(bLen * 2 + 3);
    prev2 = new Int32Array(bLen * 2 + 3);
    prev = new Int32Array(bLen * 2 + 3);
    cur = new Int32Array(bLen * 2 + 3);
  }
  const band = Math.min(Math.floor(maxHalves / EDIT), Math.max(aLen, bLen));
  for (let j = 0; j <= bLen + 2; j++) prev[j] = j <= band ? j * EDIT : OUTSIDE;
  for (let i = 1; i <= aLen; i++) {
    const ca = a[aStart + i - 1]!;
    const lo = Math.max(1, i - band);
    const hi = Math.min(bLen, i + band);
    cur[0] = i <= band ? i * EDIT : OUTSIDE;
    cur[lo - 1] = lo === 1 ? cur[0]! : OUTSIDE;
    let rowMin = cur[0]!;
    for (let j = lo; j <= hi; j++) {
      const cb = b[bStart + j - 1]!;
      const sub = ca === cb ? 0 : MISREAD_FOLD[ca] === MISREAD_FOLD[cb] ? 1 : EDIT;
      let v = prev[j - 1]! + sub;
      const del = prev[j]! + EDIT;
      if (del < v) v = del;
      const ins = cur[j - 1]! + EDIT;
      if (ins < v) v = ins;
      if (ca !== cb && j > 1 && ca === b[bStart + j - 2]) {
        // Neighbours swapped (xy → yx), or swapped around a dropped character (xgy → yx).
        if (i > 1 && a[aStart + i - 2] === cb && prev2[j - 2]! + EDIT < v) v = prev2[j - 2]! + EDIT;
        if (i > 2 && a[aStart + i - 3] === cb && prev3[j - 2]! + 2 * EDIT < v) v = prev3[j - 2]! + 2 * EDIT;
      }
      // Swapped around an added character (xy → ygx).
      if (ca !== cb && i > 1 && j > 2 && ca === b[bStart + j - 3] && a[aStart + i - 2] === cb) {
        if (prev2[j - 3]! + 2 * EDIT < v) v = prev2[j - 3]! + 2 * EDIT;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The next rows read up to two cells right of this band (a deletion, or a swap two rows on).
    cur[hi + 1] = OUTSIDE;
    cur[hi + 2] = OUTSIDE;
    if (rowMin > maxHalves) return Infinity;
    const t = prev3;
    prev3 = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const cost = prev[bLen]!;
  return cost > maxHalves ? Infinity : cost;
}

/** What a cell outside the band reads as: beyond any limit, and safe to add a few edits to. */
const OUTSIDE = 1 << 28;

const encoder = new TextEncoder();

/** Edit cost in edits (0.5 steps) between two normalised strings; `Infinity` beyond `maxCost`. */
export function plateEditCost(a: string, b: string, maxCost = Infinity): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  return editCostHalves(x, 0, x.length, y, 0, y.length, maxCost * EDIT) / EDIT;
}
