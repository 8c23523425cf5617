/**
 * Strings stored back to back in one growable UTF-16 pool, addressed by row number, plus an
 * open-addressing hash from string to row. At a million appliances a JS string and a Map
 * entry per id and model cost well over a hundred megabytes (template-built strings are
 * ropes of several objects); this costs two bytes per character and eight per row.
 */
export class StringColumn {
  #chars = new Uint16Array(1 << 16);
  #charCount = 0;
  #ends = new Uint32Array(1 << 12);
  #rows = 0;

  get rows(): number {
    return this.#rows;
  }

  /** Appends `text` and returns its row. */
  push(text: string): number {
    if (this.#charCount + text.length > this.#chars.length) {
      this.#chars = grow(this.#chars, Math.max(this.#charCount + text.length, this.#chars.length * 2));
    }
    if (this.#rows === this.#ends.length) this.#ends = grow(this.#ends, this.#rows * 2 + 16);
    for (let i = 0; i < text.length; i++) this.#chars[this.#charCount++] = text.charCodeAt(i);
    this.#ends[this.#rows] = this.#charCount;
    return this.#rows++;
  }

  get(row: number): string {
    const from = row === 0 ? 0 : this.#ends[row - 1]!;
    const to = this.#ends[row]!;
    // apply, not spread: spreading a typed array goes through its iterator, several times
    // slower. And through a reused plain array, not a subarray: a subarray is a new typed array
    // object per call, which made up most of a lookup's result assembly.
    const codes = scratch;
    codes.length = to - from;
    for (let i = from; i < to; i++) codes[i - from] = this.#chars[i]!;
    return String.fromCharCode.apply(null, codes);
  }

  length(row: number): number {
    return this.#ends[row]! - (row === 0 ? 0 : this.#ends[row - 1]!);
  }

  /** Compares two rows as strings (UTF-16 code units), without materialising them. */
  compare(a: number, b: number): number {
    const fa = a === 0 ? 0 : this.#ends[a - 1]!;
    const fb = b === 0 ? 0 : this.#ends[b - 1]!;
    const la = this.#ends[a]! - fa;
    const lb = this.#ends[b]! - fb;
    const n = Math.min(la, lb);
    for (let i = 0; i < n; i++) {
      const d = this.#chars[fa + i]! - this.#chars[fb + i]!;
      if (d !== 0) return d;
    }
    return la - lb;
  }

  equals(row: number, text: string): boolean {
    const from = row === 0 ? 0 : this.#ends[row - 1]!;
    if (this.#ends[row]! - from !== text.length) return false;
    for (let i = 0; i < text.length; i++) if (this.#chars[from + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  /** Drops the spare capacity left by doubling, once a bulk load is done. */
  trim(): void {
    this.#chars = this.#chars.slice(0, this.#charCount);
    this.#ends = this.#ends.slice(0, this.#rows);
  }
}

const scratch: number[] = [];

/** Finds the live row holding a string; rows are never deleted, `live(row)` filters them. */
export class RowLookup {
  #table = new Int32Array(1 << 10);
  #used = 0;

  constructor(
    private readonly column: StringColumn,
    private readonly live: (row: number) => boolean,
  ) {}

  find(text: string): number | undefined {
    const mask = this.#table.length - 1;
    for (let i = hash(text) & mask; ; i = (i + 1) & mask) {
      const row = this.#table[i]! - 1;
      if (row < 0) return undefined;
      if (this.live(row) && this.column.equals(row, text)) return row;
    }
  }

  add(row: number): void {
    if ((this.#used + 1) * 2 > this.#table.length) this.#rehash();
    this.#insert(row);
    this.#used++;
  }

  #insert(row: number): void {
    const mask = this.#table.length - 1;
    let i = hash(this.column.get(row)) & mask;
    while (this.#table[i] !== 0) i = (i + 1) & mask;
    this.#table[i] = row + 1;
  }

  #rehash(): void {
    const old = this.#table;
    let live = 0;
    for (const slot of old) if (slot !== 0 && this.live(slot - 1)) live++;
    let size = 1 << 10;
    while (size < (live + 1) * 4) size *= 2;
    this.#table = new Int32Array(size);
    this.#used = live;
    for (const slot of old) if (slot !== 0 && this.live(slot - 1)) this.#insert(slot - 1);
  }
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function grow<T extends Uint16Array | Uint32Array>(a: T, n: number): T {
  const next = new (a.constructor as new (n: number) => T)(n);
  next.set(a);
  return next;
}
