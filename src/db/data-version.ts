import type { Db } from './database.ts';

/**
 * Counts the writes completed through one database handle, so a cache of what was read from it can tell
 * whether it may still be served: an entry is fresh only while the version read before reading the data is
 * still the current one. Bumped after every statement that is not a plain `select` and changed or returned
 * rows, and after every commit, so it errs towards "changed". Writes of other processes are not seen; a cache
 * that must notice them within
 * some time also needs its own time limit.
 */
export class DataVersion {
  #current = 0;

  get current(): number {
    return this.#current;
  }

  bump(): void {
    this.#current++;
  }
}

const versions = new WeakMap<Db, DataVersion>();

/** Called by `openDb` for the handle it returns. */
export function trackDataVersion(db: Db, version: DataVersion): void {
  versions.set(db, version);
}

/**
 * The write counter of a handle opened by `openDb`; undefined for any other handle (an open transaction, a
 * `withSchema` view), where a cache must then read through.
 */
export function dataVersionOf(db: Db): DataVersion | undefined {
  return versions.get(db);
}
