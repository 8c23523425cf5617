import type { Kysely } from 'kysely';
import type { Clock } from './clock.ts';
import type { Config, Locale } from './config.ts';
import type { Database } from './db/schema.ts';

/** What a use case may touch: the database (or the open transaction), the clock, the config and the language. */
export type Ctx = {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  locale: Locale;
};
