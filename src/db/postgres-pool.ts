import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * A pg pool as Kysely sees it, calling `onWrite` after every statement that was not a `SELECT` and did not
 * report zero rows: every commit and every write that changed something (a write that matched nothing, like
 * an idle job poll, does not count). Streaming cursors (selects only) pass through untouched.
 */
export function trackedPool(pool: pg.Pool, onWrite: () => void): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const track = (client: pg.PoolClient): PostgresPoolClient => ({
    query: ((sqlOrCursor: unknown, parameters?: unknown[]) => {
      if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as pg.Submittable);
      return client.query(sqlOrCursor, parameters).then((result) => {
        if (result.command !== 'SELECT' && result.rowCount !== 0) onWrite();
        return result as unknown as PostgresQueryResult<unknown>;
      });
    }) as PostgresPoolClient['query'],
    release: (destroy) => client.release(destroy),
  });
  return {
    async connect() {
      const client = await pool.connect();
      let tracked = clients.get(client);
      if (!tracked) {
        tracked = track(client);
        clients.set(client, tracked);
      }
      return tracked;
    },
    end: () => pool.end(),
  };
}
