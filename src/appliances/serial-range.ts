import { normaliseModel } from './normalise-model.ts';

/** A serial-number series; `from`/`to` are inclusive, null or empty = open on that side. */
export type SerialRange = { serialFrom: string | null; serialTo: string | null };

/** Why a range cannot be used: its start lies after its end, or one bound is a number and the other is not. */
export type RangeProblem = 'reversed' | 'mixed';

const DIGITS = /^[0-9]+$/;

/**
 * Orders two serials the way a type plate means them: numerically when both are digits (`999` < `1000`, leading
 * zeros ignored), otherwise by their normalised text (case, spaces and separators ignored). Negative, zero or
 * positive like `Array.prototype.sort` expects.
 */
export function compareSerials(a: string, b: string): number {
  const x = normaliseModel(a);
  const y = normaliseModel(b);
  if (DIGITS.test(x) && DIGITS.test(y)) {
    const p = x.replace(/^0+/, '');
    const q = y.replace(/^0+/, '');
    if (p.length !== q.length) return p.length - q.length;
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Checks a range from an import or a form; null when it can be used. */
export function rangeProblem(range: SerialRange): RangeProblem | null {
  const from = normaliseModel(range.serialFrom ?? '');
  const to = normaliseModel(range.serialTo ?? '');
  if (from === '' || to === '') return null;
  if (DIGITS.test(from) !== DIGITS.test(to)) return 'mixed';
  return compareSerials(from, to) > 0 ? 'reversed' : null;
}

/**
 * The variant built with this serial: the one whose closed range holds it (the narrowest when ranges overlap);
 * failing that, where only series starts are known, the series with the closest start not after the serial.
 * Null when no variant claims it (or the serial is empty), so the caller can ask again rather than guess.
 */
export function pickVariant<V extends SerialRange>(variants: readonly V[], typed: string): V | null {
  if (normaliseModel(typed) === '') return null;
  const serial = asSeriesNumber(variants, typed);
  let inRange: V | null = null;
  let openStart: V | null = null;
  for (const v of variants) {
    const from = blankToNull(v.serialFrom);
    const to = blankToNull(v.serialTo);
    if (from === null && to === null) continue;
    if (from !== null && compareSerials(from, serial) > 0) continue;
    if (to === null) {
      if (openStart === null || compareSerials(from!, openStart.serialFrom!) > 0) openStart = v;
      continue;
    }
    if (compareSerials(serial, to) > 0) continue;
    if (inRange === null || narrower(v, inRange)) inRange = v;
  }
  return inRange ?? openStart;
}

/**
 * When every series bound is a number, a typed serial with letters around its number ("FD 8950", "Nr. 4079")
 * means that number: Bosch and Siemens print the FD code as "FD 9103", customers copy the letters too.
 */
function asSeriesNumber(variants: readonly SerialRange[], typed: string): string {
  const norm = normaliseModel(typed);
  if (DIGITS.test(norm)) return typed;
  const bounds = variants
    .flatMap((v) => [blankToNull(v.serialFrom), blankToNull(v.serialTo)])
    .filter((b) => b !== null);
  if (bounds.length === 0 || !bounds.every((b) => DIGITS.test(normaliseModel(b)))) return typed;
  return norm.match(/[0-9]{3,}/)?.[0] ?? typed;
}

/** The later start wins (a closed range with no start counts as the earliest). */
function narrower(a: SerialRange, b: SerialRange): boolean {
  const fa = blankToNull(a.serialFrom);
  const fb = blankToNull(b.serialFrom);
  if (fa === null) return false;
  if (fb === null) return true;
  return compareSerials(fa, fb) > 0;
}

function blankToNull(s: string | null): string | null {
  return s === null || normaliseModel(s) === '' ? null : s;
}
