import { PostgresAdapter, sql } from 'kysely';
import pg from 'pg';
import type { Db } from './database.ts';

/** NOTIFY payloads must stay below 8000 bytes. */
export const MAX_PAYLOAD = 7000;

export type Log = { warn(obj: object, msg: string): void };
export type ChangeListener = { close(): Promise<void> };

/** True when the database is PostgreSQL, where a process tells the others of a change it committed. */
export function announces(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Tells every process listening on `channel` that something changed (call it after the change is committed). The
 * payload must be shorter than MAX_PAYLOAD. Returns `pid payload`, the key the listeners receive with it, so the
 * sender can recognise its own message; null on SQLite, where there is no one to tell.
 */
export async function announce(db: Db, channel: string, payload: string): Promise<string | null> {
  if (!announces(db)) return null;
  const { rows } = await sql<{
    pid: number;
  }>`select pg_backend_pid() as pid, pg_notify(${channel}, ${payload})`.execute(db);
  return `${rows[0]!.pid} ${payload}`;
}

/**
 * LISTENs on `channel` over a dedicated connection (not from the pool, which would hand it back) and calls
 * `onMessage` per message with its payload and its `pid payload` key. When the connection drops it reconnects
 * with backoff (1 s doubling to 30 s) and then calls `onMissed`, since messages may have been lost meanwhile.
 * Resolves once the first LISTEN is active or has failed (then it keeps trying in the background). `what` names
 * the listener in log lines.
 */
export async function listen(
  url: string,
  channel: string,
  handlers: { onMessage(payload: string, key: string): void; onMissed(): void },
  options: { what: string; log?: Log | undefined },
): Promise<ChangeListener> {
  const { what, log } = options;
  let client: pg.Client | null = null;
  let closed = false;
  let delay = 1000;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (isRetry: boolean) => {
    const c = new pg.Client({ connectionString: url });
    const retry = () => {
      if (closed || client !== c) return;
      client = null;
      c.removeAllListeners();
      c.on('error', () => {});
      void c.end().catch(() => {});
      timer = setTimeout(() => void connect(true), delay);
      delay = Math.min(delay * 2, 30000);
    };
    client = c;
    c.on('error', (err) => {
      log?.warn({ err }, `${what} lost its connection; reconnecting`);
      retry();
    });
    c.on('end', retry);
    c.on('notification', (msg) => {
      if (msg.channel !== channel) return;
      const payload = msg.payload ?? '';
      handlers.onMessage(payload, `${msg.processId} ${payload}`);
    });
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
      delay = 1000;
      if (isRetry) handlers.onMissed();
    } catch (err) {
      log?.warn({ err }, `${what} cannot LISTEN; retrying`);
      retry();
    }
  };

  await connect(false);
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => {});
        await c.end().catch(() => {});
      }
    },
  };
}
