import { setTimeout as sleep } from 'node:timers/promises';

/** PostgreSQL serialization failure and deadlock; SQLite busy (another connection or process holds the lock). */
const RETRYABLE = new Set(['40001', '40P01', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);

export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/** Thrown when a transaction kept failing with retryable errors: the caller answers "try again". */
export class RetriesExhausted extends Error {}

/**
 * Runs `work` (a whole transaction) again when the database refuses it for a reason that a retry
 * cures — a serialization failure, a deadlock, a busy database — after an exponential back-off with
 * jitter (5, 10, 20, 40 ms … ± 50 %). `work` must be safe to repeat: it is a transaction that either
 * committed or left nothing behind. Other errors pass straight through.
 */
export async function withRetry<T>(work: () => Promise<T>, attempts = 6, baseMs = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= attempts) throw new RetriesExhausted('the database stayed busy', { cause: error });
      await sleep(baseMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }
}
