import { PostgresAdapter, sql } from 'kysely';
import pg from 'pg';
import type { Ctx } from '../context.ts';

/** The PostgreSQL channel on which every process hears that appliances changed. */
export const CHANNEL = 'toonbank_appliances';
/** NOTIFY payloads must stay below 8000 bytes; longer id lists are sent as "all". */
const MAX_PAYLOAD = 7000;

export type ApplianceChange = string[] | 'all';
export type Log = { warn(obj: object, msg: string): void };

/** True when the context's database is PostgreSQL, where changes are announced to other processes. */
export function announces(ctx: Ctx): boolean {
  return ctx.db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Tells every process listening on PostgreSQL which appliances changed (after the change is committed).
 * Returns the backend pid and payload, so the sender can recognise its own message; null on SQLite.
 */
export async function announceChange(ctx: Ctx, change: ApplianceChange): Promise<string | null> {
  if (!announces(ctx)) return null;
  let payload = change === 'all' ? 'all' : JSON.stringify(change);
  if (payload.length > MAX_PAYLOAD) payload = 'all';
  const { rows } = await sql<{
    pid: number;
  }>`select pg_backend_pid() as pid, pg_notify(${CHANNEL}, ${payload})`.execute(ctx.db);
  return `${rows[0]!.pid} ${payload}`;
}

export type ChangeListener = { close(): Promise<void> };

/**
 * LISTENs on a dedicated connection (not from the pool, which would hand it back) and calls `onChange` per
 * message with its `pid payload` key. When the connection drops it reconnects with backoff (1 s doubling to
 * 30 s) and calls `onChange('all')`, since messages may have been missed meanwhile. Resolves once the first
 * LISTEN is active or has failed (then it keeps trying in the background).
 */
export async function listenForChanges(
  url: string,
  onChange: (change: ApplianceChange, key: string) => void,
  log?: Log,
): Promise<ChangeListener> {
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
      log?.warn({ err }, 'appliance change listener lost its connection; reconnecting');
      retry();
    });
    c.on('end', retry);
    c.on('notification', (msg) => {
      if (msg.channel !== CHANNEL) return;
      const payload = msg.payload ?? 'all';
      onChange(parseChange(payload), `${msg.processId} ${payload}`);
    });
    try {
      await c.connect();
      await c.query(`listen ${CHANNEL}`);
      delay = 1000;
      if (isRetry) onChange('all', '');
    } catch (err) {
      log?.warn({ err }, 'appliance change listener cannot LISTEN; retrying');
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

function parseChange(payload: string): ApplianceChange {
  if (payload === 'all' || payload === '"all"') return 'all';
  try {
    const ids = JSON.parse(payload) as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : 'all';
  } catch {
    return 'all';
  }
}
