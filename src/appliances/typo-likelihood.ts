import { EDIT, MISREAD_FOLD } from './edit-cost.ts';

/**
 * How plausible it is that someone who meant model `c` typed `q`, for ordering typo matches of
 * the same edit cost: the cheapest ways (those of {@link editCostHalves}) of turning `c` into
 * `q` are weighed by how often people make their slips, and the weights of all such ways are
 * added up. Only the cheapest ways count, so equally plausible matches tie exactly and the
 * order count decides between them. `band` is the match's cost in whole edits (from
 * `editCostHalves`, rounded down): the cheapest ways add or drop no more characters than that.
 *
 * The weights hold for anyone copying a type plate, not for one catalogue:
 * - a dropped character, a swap of two neighbours and a wrong key are equally likely at a
 *   position, but a wrong or stray key is one of many that could have been hit, so its weight is
 *   spread over them: over the other digits when a digit was meant, over the other letters
 *   when a letter was;
 * - a wrong or stray key of the other kind (a letter among digits) is rarer still: digits sit
 *   in their own row of a keyboard and on their own layer of a phone keyboard;
 * - counting the ways matters: one of a doubled character (`EA3327` → `EA327`) can be dropped
 *   in two places, so that model is twice as likely as one with a single character missing.
 */
export function typoLikelihood(
  q: Uint8Array,
  qStart: number,
  qLen: number,
  c: Uint8Array,
  cStart: number,
  cLen: number,
  band: number,
): number {
  const w = qLen + 1;
  if ((cLen + 1) * w > weight.length) {
    weight = new Float64Array((cLen + 1) * w * 2);
    cost = new Int32Array((cLen + 1) * w * 2);
  }
  if (qLen > strays.length) strays = new Float64Array(qLen * 2);
  for (let j = 0; j < qLen; j++) strays[j] = stray(q, qStart, qLen, j);
  for (let i = 0; i <= cLen; i++) {
    // The cheapest ways drop or add at most `band` characters, so they stay within `band`
    // cells of the diagonal; the cells just outside are marked unreachable.
    const lo = Math.max(0, i - band);
    const hi = Math.min(qLen, i + band);
    const row = i * w;
    if (lo > 0) cost[row + lo - 1] = NONE;
    if (hi < qLen) cost[row + hi + 1] = NONE;
    const ci = i > 0 ? c[cStart + i - 1]! : -1;
    for (let j = lo; j <= hi; j++) {
      at = row + j;
      if (i === 0 && j === 0) {
        cost[at] = 0;
        weight[at] = 1;
        continue;
      }
      cost[at] = NONE;
      weight[at] = 0;
      if (i > 0) way(at - w, EDIT, SLIP);
      if (j > 0) way(at - 1, EDIT, strays[j - 1]!);
      if (i === 0 || j === 0) continue;
      const qj = q[qStart + j - 1]!;
      const subCost = ci === qj ? 0 : MISREAD_FOLD[ci] === MISREAD_FOLD[qj] ? 1 : EDIT;
      way(at - w - 1, subCost, typed(ci, qj));
      if (ci === qj) continue;
      // xy → yx: two neighbours swapped.
      if (i > 1 && j > 1 && ci === q[qStart + j - 2] && c[cStart + i - 2] === qj) {
        way(at - 2 * w - 2, EDIT, SLIP);
      }
      // xgy → yx: a character dropped between two swapped ones.
      if (i > 2 && j > 1 && ci === q[qStart + j - 2] && c[cStart + i - 3] === qj) {
        way(at - 3 * w - 2, 2 * EDIT, SLIP * SLIP);
      }
      // xy → ygx: a stray key between two swapped ones.
      if (i > 1 && j > 2 && ci === q[qStart + j - 3] && c[cStart + i - 2] === qj) {
        way(at - 2 * w - 3, 2 * EDIT, SLIP * strays[j - 2]!);
      }
    }
  }
  return cLen - qLen > band || qLen - cLen > band ? 0 : weight[cLen * w + qLen]!;
}

/** Weight of one slip at one position: a dropped character, a swap, or any wrong key. */
const SLIP = 0.01;
/** Weight of reading a plate character as its look-alike (O for 0): likelier than any slip. */
const MISREAD = 0.1;
/** Share of wrong or stray keys that are of the other kind (a letter among digits). */
const OTHER_KIND = 0.05;
const NONE = 1 << 30;

let weight = new Float64Array(1024);
let cost = new Int32Array(1024);
let at = 0;
/** Stray-key weights of the query's characters, worked out once per call. */
let strays = new Float64Array(64);

/** Adds the ways through cell `from` and one more step to cell `at`, if they are among the cheapest. */
function way(from: number, stepCost: number, stepWeight: number): void {
  const total = cost[from]! + stepCost;
  if (total < cost[at]!) {
    cost[at] = total;
    weight[at] = weight[from]! * stepWeight;
  } else if (total === cost[at]) {
    weight[at] = weight[at]! + weight[from]! * stepWeight;
  }
}

const isDigit = (b: number) => b >= 48 && b <= 57;

/** Weight of `typedChar` appearing where `meant` is printed. */
function typed(meant: number, typedChar: number): number {
  if (meant === typedChar) return 1;
  if (MISREAD_FOLD[meant] === MISREAD_FOLD[typedChar]) return MISREAD;
  const digit = isDigit(meant);
  if (digit !== isDigit(typedChar)) return (SLIP * OTHER_KIND) / (digit ? 26 : 10);
  return (SLIP * (1 - OTHER_KIND)) / (digit ? 9 : 25);
}

/** Weight of `q[at]` being a stray key: of the kind of a neighbour, or not. */
function stray(q: Uint8Array, qStart: number, qLen: number, at: number): number {
  const d = isDigit(q[qStart + at]!);
  const sameKind =
    (at > 0 && isDigit(q[qStart + at - 1]!) === d) || (at + 1 < qLen && isDigit(q[qStart + at + 1]!) === d);
  return ((sameKind ? 1 - OTHER_KIND : OTHER_KIND) * SLIP) / (d ? 10 : 26);
}
