import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './database.ts';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-appliances.ts';
import * as m0003 from './migrations/0003-carts.ts';
import * as m0004 from './migrations/0004-orders.ts';
import * as m0005 from './migrations/0005-outbox.ts';
import * as m0006 from './migrations/0006-order-events.ts';
import * as m0007 from './migrations/0007-payments.ts';
import * as m0008 from './migrations/0008-fulfilment.ts';
import * as m0009 from './migrations/0009-customers.ts';
import * as m0010 from './migrations/0010-gateway.ts';
import * as m0011 from './migrations/0011-channels.ts';
import * as m0012 from './migrations/0012-replenishment.ts';
import * as m0013 from './migrations/0013-vouchers.ts';
import * as m0014 from './migrations/0014-broadcast-jobs.ts';
import * as m0015 from './migrations/0015-shipping-settings.ts';
import * as m0016 from './migrations/0016-price-lock-quantity.ts';
import * as m0018 from './migrations/0018-digest-and-sms-attempts.ts';
import * as m0019 from './migrations/0019-auto-reorder.ts';
import * as m0020 from './migrations/0020-broadcast-drops.ts';

/** Every migration, in order. Add new ones at the end; never edit a landed one. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-appliances': m0002,
  '0003-carts': m0003,
  '0004-orders': m0004,
  '0005-outbox': m0005,
  '0006-order-events': m0006,
  '0007-payments': m0007,
  '0008-fulfilment': m0008,
  '0009-customers': m0009,
  '0010-gateway': m0010,
  '0011-channels': m0011,
  '0012-replenishment': m0012,
  '0013-vouchers': m0013,
  '0014-broadcast-jobs': m0014,
  '0015-shipping-settings': m0015,
  '0016-price-lock-quantity': m0016,
  '0018-digest-and-sms-attempts': m0018,
  '0019-auto-reorder': m0019,
  '0020-broadcast-drops': m0020,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; returns the names applied. Throws with the failing migration's name. */
export async function migrateToLatest(db: Db, options: { schema?: string } = {}): Promise<string[]> {
  // With a schema (PostgreSQL tests), keep the migration bookkeeping in it too: otherwise another schema's
  // bookkeeping tables on the same server would be taken for ours.
  const migrator = new Migrator({
    db,
    provider,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(
      `migration ${failed?.migrationName ?? '(unknown)'} failed: ${String((error as Error).message ?? error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
