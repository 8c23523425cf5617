/**
 * MSD radix sort of fixed-width byte rows (0 = past the end of the key), moving the rows
 * themselves rather than an index into a pool. Reading a key through an index costs a cache
 * miss per character at a million keys; streaming the rows keeps a build in seconds.
 */
export function sortRows(rows: Uint8Array, ids: Uint32Array, width: number): void {
  const n = ids.length;
  const tmpRows = new Uint8Array(rows.length);
  const tmpIds = new Uint32Array(n);
  const counts = new Int32Array(258);
  const stack: number[] = [0, n, 0];
  while (stack.length > 0) {
    const d = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (d >= width) continue;
    if (hi - lo < 24) {
      insertionSort(rows, ids, width, lo, hi, d);
      continue;
    }
    counts.fill(0);
    for (let r = lo; r < hi; r++) counts[rows[r * width + d]! + 1]!++;
    for (let c = 1; c < 258; c++) counts[c]! += counts[c - 1]!;
    for (let r = lo; r < hi; r++) {
      const dst = lo + counts[rows[r * width + d]!]!++;
      // Bytes before d are equal within the bucket, so only the tail moves.
      for (let b = d; b < width; b++) tmpRows[dst * width + b] = rows[r * width + b]!;
      tmpIds[dst] = ids[r]!;
    }
    for (let r = lo; r < hi; r++) {
      for (let b = d; b < width; b++) rows[r * width + b] = tmpRows[r * width + b]!;
    }
    ids.set(tmpIds.subarray(lo, hi), lo);
    for (let c = 1; c < 257; c++) {
      const b = lo + counts[c - 1]!;
      const e = lo + counts[c]!;
      if (e - b > 1) stack.push(b, e, d + 1);
    }
  }
}

function insertionSort(rows: Uint8Array, ids: Uint32Array, w: number, lo: number, hi: number, d: number) {
  const row = new Uint8Array(w);
  for (let i = lo + 1; i < hi; i++) {
    for (let b = d; b < w; b++) row[b] = rows[i * w + b]!;
    const id = ids[i]!;
    let j = i - 1;
    while (j >= lo && compare(rows, j * w, row, w, d) > 0) {
      for (let b = d; b < w; b++) rows[(j + 1) * w + b] = rows[j * w + b]!;
      ids[j + 1] = ids[j]!;
      j--;
    }
    for (let b = d; b < w; b++) rows[(j + 1) * w + b] = row[b]!;
    ids[j + 1] = id;
  }
}

function compare(rows: Uint8Array, at: number, row: Uint8Array, w: number, d: number): number {
  for (let b = d; b < w; b++) {
    const x = rows[at + b]! - row[b]!;
    if (x !== 0) return x;
    if (row[b] === 0) return 0;
  }
  return 0;
}
