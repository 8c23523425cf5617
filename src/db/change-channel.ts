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
 * LISTENs on `channel` and calls `onMessage` per message with its payload and its `pid payload` key. Every
 * listener of a process (the lookup index, the shipping settings, …) shares one dedicated connection per database
 * URL (not from the pool, which would hand it back), LISTENing on each channel asked for; it closes with the last
 * listener. When the connection drops it reconnects with backoff (1 s doubling to 30 s), LISTENs again and calls
 * every listener's `onMissed`, since messages may have been lost meanwhile. Resolves once the LISTEN is active or
 * has failed (then it keeps trying in the background). `what` names the listener in log lines.
 */
export async function listen(
  url: string,
  channel: string,
  handlers: { onMessage(payload: string, key: string): void; onMissed(): void },
  options: { what: string; log?: Log | undefined },
): Promise<ChangeListener> {
  let connection = connections.get(url);
  if (!connection) {
    connection = new SharedConnection(url, options.log, () => connections.delete(url));
    connections.set(url, connection);
  }
  const listener = { channel, ...handlers, what: options.what };
  await connection.add(listener);
  const shared = connection;
  return { close: () => shared.remove(listener) };
}

type Listener = {
  channel: string;
  what: string;
  onMessage(payload: string, key: string): void;
  onMissed(): void;
};

/** The one LISTEN connection per database URL of this process. */
const connections = new Map<string, SharedConnection>();

class SharedConnection {
  readonly #url: string;
  readonly #log: Log | undefined;
  readonly #onClosed: () => void;
  readonly #listeners = new Set<Listener>();
  #client: pg.Client | null = null;
  /** Settles when the current connection attempt has LISTENed (or failed). */
  #ready: Promise<void> | null = null;
  #closed = false;
  #delay = 1000;
  #timer: NodeJS.Timeout | null = null;

  constructor(url: string, log: Log | undefined, onClosed: () => void) {
    this.#url = url;
    this.#log = log;
    this.#onClosed = onClosed;
  }

  async add(listener: Listener): Promise<void> {
    const known = this.#channels().has(listener.channel);
    this.#listeners.add(listener);
    if (!this.#ready) {
      this.#ready = this.#connect(false);
      return this.#ready;
    }
    await this.#ready;
    const client = this.#client;
    if (known || !client) return; // not connected: the reconnect LISTENs on every channel
    try {
      await client.query(`listen ${listener.channel}`);
    } catch (err) {
      this.#log?.warn({ err }, `${listener.what} cannot LISTEN; retrying`);
      this.#retry(client);
    }
  }

  async remove(listener: Listener): Promise<void> {
    if (!this.#listeners.delete(listener)) return;
    if (this.#listeners.size > 0) {
      if (!this.#channels().has(listener.channel))
        await this.#client?.query(`unlisten ${listener.channel}`).catch(() => {});
      return;
    }
    this.#closed = true;
    this.#onClosed();
    if (this.#timer) clearTimeout(this.#timer);
    const c = this.#client;
    this.#client = null;
    if (c) {
      c.removeAllListeners();
      c.on('error', () => {});
      await c.end().catch(() => {});
    }
  }

  #channels(): Set<string> {
    return new Set([...this.#listeners].map((l) => l.channel));
  }

  #retry(c: pg.Client): void {
    if (this.#closed || this.#client !== c) return;
    this.#client = null;
    c.removeAllListeners();
    c.on('error', () => {});
    void c.end().catch(() => {});
    this.#timer = setTimeout(() => {
      this.#ready = this.#connect(true);
    }, this.#delay);
    this.#delay = Math.min(this.#delay * 2, 30000);
  }

  async #connect(isRetry: boolean): Promise<void> {
    const c = new pg.Client({ connectionString: this.#url });
    this.#client = c;
    c.on('error', (err) => {
      this.#log?.warn({ err }, 'change listener lost its connection; reconnecting');
      this.#retry(c);
    });
    c.on('end', () => this.#retry(c));
    c.on('notification', (msg) => {
      const payload = msg.payload ?? '';
      const key = `${msg.processId} ${payload}`;
      for (const l of this.#listeners) if (l.channel === msg.channel) l.onMessage(payload, key);
    });
    try {
      await c.connect();
      for (const channel of this.#channels()) await c.query(`listen ${channel}`);
      this.#delay = 1000;
      if (isRetry) for (const l of this.#listeners) l.onMissed();
    } catch (err) {
      this.#log?.warn({ err }, 'change listener cannot LISTEN; retrying');
      this.#retry(c);
    }
  }
}
