import type { Ctx } from '../context.ts';
import { announce, type ChangeListener, type Log, listen } from '../db/change-channel.ts';
import { dbKind } from '../db/database.ts';
import { loadShippingSettings } from './load-shipping-settings.ts';
import type { ShippingSettings } from './shipping-settings.ts';

/** The PostgreSQL channel on which every process hears that the shipping settings changed. */
export const SHIPPING_CHANNEL = 'toonbank_shipping';

/**
 * The process's one copy of the shipping settings, read from the database once and kept in memory, so the cart,
 * product pages and the checkout never query them per request. `load` reads them (and on PostgreSQL starts
 * listening, like the lookup index, so an edit in another process arrives here); `refresh` re-reads them after
 * an edit committed here and tells the other processes. Reads run one at a time, so the last one wins; `current`
 * is always one whole snapshot.
 */
export class ShippingSettingsService {
  #current: ShippingSettings | null = null;
  #ctx: Ctx | null = null;
  #listener: ChangeListener | null = null;
  #queue: Promise<void> = Promise.resolve();
  #closed = false;
  readonly #log: Log | undefined;

  constructor(options: { log?: Log } = {}) {
    this.#log = options.log;
  }

  /** The settings as last read. Throws before `load`: a shop without them cannot price or promise anything. */
  get current(): ShippingSettings {
    if (!this.#current)
      throw new Error('the shipping settings are not loaded yet (ShippingSettingsService.load)');
    return this.#current;
  }

  /** Reads the settings; on PostgreSQL, also LISTENs so other processes' edits arrive here. */
  async load(ctx: Ctx): Promise<void> {
    this.#ctx = ctx;
    await this.#serially(() => this.#read(ctx));
    if (dbKind(ctx.config.databaseUrl) === 'postgres' && !this.#listener && !this.#closed) {
      this.#listener = await listen(
        ctx.config.databaseUrl,
        SHIPPING_CHANNEL,
        { onMessage: () => this.#heard(), onMissed: () => this.#heard() },
        { what: 'shipping settings listener', log: this.#log },
      );
    }
  }

  /** Re-reads the settings after an edit was committed, then tells the other processes to do the same. */
  async refresh(ctx: Ctx): Promise<void> {
    await this.#serially(() => this.#read(ctx));
    await announce(ctx.db, SHIPPING_CHANNEL, 'changed');
  }

  /** Stops listening; the settings stay readable. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#listener?.close();
    this.#listener = null;
  }

  // Our own message comes back too; reading three small tables once more is cheaper than telling it apart.
  #heard(): void {
    const ctx = this.#ctx;
    if (!ctx || this.#closed) return;
    this.#serially(() => this.#read(ctx)).catch((err: unknown) =>
      this.#log?.warn({ err }, 'could not re-read the shipping settings after a change elsewhere'),
    );
  }

  async #read(ctx: Ctx): Promise<void> {
    this.#current = await loadShippingSettings(ctx);
  }

  #serially(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => {});
    return run;
  }
}
