import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { dbKind } from '../db/database.ts';
import {
  type ApplianceChange,
  announceChange,
  type ChangeListener,
  type Log,
  listenForChanges,
} from './change-channel.ts';
import { allIndexedAppliances, brandWords, indexedAppliances } from './index-source.ts';
import { LookupIndex } from './lookup-index.ts';
import { type LookupMatch, lookupMatches } from './lookup-matches.ts';

/** How often the index takes in new order counts. */
const ORDER_COUNT_REFRESH_MS = 60_000;

export type LookupAnswer = { query: string; brand: string | null; matches: LookupMatch[] };
export type LookupQuery = { q: string; serial?: string; limit?: number };

/**
 * The process's one lookup index and what keeps it current. `load` builds it from the database (and on
 * PostgreSQL starts listening for changes other processes announce); `refresh` applies a committed change here
 * and announces it. Refreshes run one at a time; lookups always see a whole index.
 */
export class LookupService {
  #index = LookupIndex.build([], []);
  #brands = '';
  #ctx: Ctx | null = null;
  #listener: ChangeListener | null = null;
  #queue: Promise<void> = Promise.resolve();
  #own = new Set<string>();
  #closed = false;
  #countsSince = '';
  #countsTimer: NodeJS.Timeout | null = null;
  readonly #log: Log | undefined;

  constructor(options: { log?: Log } = {}) {
    this.#log = options.log;
  }

  /** Appliances in the index. */
  get size(): number {
    return this.#index.size;
  }

  /** Builds the index from the database; on PostgreSQL, also LISTENs so other processes' changes arrive here. */
  async load(ctx: Ctx): Promise<void> {
    this.#ctx = ctx;
    this.#countsSince = isoNow(ctx.clock);
    await this.#serially(() => this.#rebuild(ctx));
    if (!this.#countsTimer && !this.#closed) {
      this.#countsTimer = setInterval(() => {
        this.refreshOrderCounts(ctx).catch((err: unknown) =>
          this.#log?.warn({ err }, 'could not refresh the appliance order counts'),
        );
      }, ORDER_COUNT_REFRESH_MS);
      this.#countsTimer.unref();
    }
    if (dbKind(ctx.config.databaseUrl) === 'postgres' && !this.#listener && !this.#closed) {
      this.#listener = await listenForChanges(
        ctx.config.databaseUrl,
        (change, key) => this.#heard(change, key),
        this.#log,
      );
    }
  }

  /** Applies a committed change of these appliances (or 'all') to this index, then tells the other processes. */
  async refresh(ctx: Ctx, change: ApplianceChange): Promise<void> {
    await this.#serially(() => this.#apply(ctx, change));
    const key = await announceChange(ctx, change);
    // Our own message usually arrives after this line and is skipped; if it raced ahead, it was applied twice.
    if (this.#own.size > 64) this.#own.clear();
    if (key) this.#own.add(key);
  }

  /** Best matches for what the customer typed, with their products; `q` and `serial` must already be checked. */
  async lookup(ctx: Ctx, query: LookupQuery): Promise<LookupAnswer> {
    const { brand, hits } = this.#index.search(query.q, { limit: query.limit ?? 10 });
    const matches = await lookupMatches(ctx, hits, query.serial?.trim() ?? '');
    return { query: query.q.trim(), brand, matches };
  }

  /** One appliance by id, answered like a lookup that found it exactly (its page, /a/:id); null when unknown. */
  async appliance(ctx: Ctx, id: string, serial = ''): Promise<LookupAnswer | null> {
    const row = await ctx.db
      .selectFrom('appliances')
      .select(['id', 'model'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const matches = await lookupMatches(
      ctx,
      [{ id, match: 'exact', cost: 0, matched: row.model }],
      serial.trim(),
    );
    return { query: row.model, brand: matches[0]?.brand ?? null, matches };
  }

  /**
   * Takes in the order counts of appliances ordered since the last call (placeOrder counts them in the
   * database), so equally good matches rank by how often they were ordered. Runs every minute after `load`.
   */
  async refreshOrderCounts(ctx: Ctx): Promise<void> {
    const since = this.#countsSince;
    const until = isoNow(ctx.clock);
    const rows = await ctx.db
      .selectFrom('order_lines')
      .innerJoin('orders', 'orders.id', 'order_lines.order_id')
      .select('order_lines.appliance_id')
      .distinct()
      .where('orders.created_at', '>=', since)
      .where('order_lines.appliance_id', 'is not', null)
      .execute();
    this.#countsSince = until;
    const ids = rows.map((r) => r.appliance_id).filter((id): id is string => id !== null);
    if (ids.length > 0) await this.#serially(() => this.#apply(ctx, ids));
  }

  /** Stops listening; the index stays usable. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#countsTimer) clearInterval(this.#countsTimer);
    this.#countsTimer = null;
    await this.#listener?.close();
    this.#listener = null;
  }

  #heard(change: ApplianceChange, key: string): void {
    if (this.#own.delete(key)) return;
    const ctx = this.#ctx;
    if (!ctx || this.#closed) return;
    this.#serially(() => this.#apply(ctx, change)).catch((err: unknown) =>
      this.#log?.warn({ err }, 'could not refresh the appliance index after a change elsewhere'),
    );
  }

  async #apply(ctx: Ctx, change: ApplianceChange): Promise<void> {
    const brands = await brandWords(ctx);
    if (change === 'all' || JSON.stringify(brands) !== this.#brands) return this.#rebuild(ctx);
    const found = await indexedAppliances(ctx, change);
    const alive = new Set(found.map((a) => a.id));
    for (const id of change) if (!alive.has(id)) this.#index.remove(id);
    for (const a of found) this.#index.upsert(a);
  }

  async #rebuild(ctx: Ctx): Promise<void> {
    const brands = await brandWords(ctx);
    const items = [];
    for await (const a of allIndexedAppliances(ctx)) items.push(a);
    this.#index = LookupIndex.build(items, brands);
    this.#brands = JSON.stringify(brands);
  }

  #serially(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => {});
    return run;
  }
}
