import { readFile, writeFile } from 'node:fs/promises';
import { announceChange } from './appliances/change-channel.ts';
import { exportAppliances } from './appliances/export-appliances.ts';
import { importAppliances } from './appliances/import-appliances.ts';
import { describeApplianceProblem, describeApplianceUnusable } from './appliances/import-report.ts';
import { exportProducts } from './catalog/export-products.ts';
import { importProducts } from './catalog/import-products.ts';
import { describeProblem, describeUnusable } from './catalog/import-report.ts';
import { type Clock, systemClock } from './clock.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import type { Ctx } from './context.ts';
import { type Db, openDb } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './db/seed.ts';
import { defaultJobKinds } from './jobs/default-kinds.ts';
import { scheduleHousekeeping } from './jobs/housekeeping.ts';
import { startWorker } from './jobs/worker.ts';
import { issueSetupLink } from './staff/setup-link.ts';
import { buildApp } from './web/app.ts';
import { translator } from './web/i18n/messages.ts';

export const HELP = `toonbank — a shop where the customer holds the controls

Usage: toonbank <command> [arguments]

Commands:
  serve                       migrate, seed demo data when empty, and serve the shop with one job worker (default)
  worker                      run jobs only (e-mail, fulfilment); start any number next to serve
  migrate                     bring the database schema up to date
  seed                        fill an empty database with the demo shop
  import products FILE        import products from CSV (idempotent by sku)
  export products [FILE]      write all products as CSV (to FILE or standard output)
  import appliances FILE      import appliances, variants and what fits them from CSV (idempotent by brand + model)
  export appliances [FILE]    write all appliances as CSV (to FILE or standard output)
  help, --help                this text

Configuration is read from the environment; see the README (PORT, DATABASE_URL, PUBLIC_URL, SHOP_NAME, …).
`;

export type Io = { out: (s: string) => void; err: (s: string) => void };
const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** The CLI as a function: tests call it directly. Returns the exit code. */
export async function runCli(
  argv: string[],
  io: Io = stdio,
  options: { config?: Config; db?: Db; clock?: Clock } = {},
): Promise<number> {
  const [command = 'serve', ...args] = argv;
  if (command === 'help' || command === '--help' || command === '-h' || args.includes('--help')) {
    io.out(HELP);
    return 0;
  }
  let config: Config;
  try {
    config = options.config ?? loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(`Configuration error: ${err.message}\n`);
      return 78;
    }
    throw err;
  }
  const ownsDb = !options.db;
  const db = options.db ?? openDb(config.databaseUrl);
  const ctx: Ctx = { db, clock: options.clock ?? systemClock, config, locale: 'en' };
  try {
    switch (command) {
      case 'serve':
        return await serve(ctx, io);
      case 'worker':
        return await worker(ctx, io);
      case 'migrate': {
        const applied = await migrateToLatest(db);
        io.out(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Schema is up to date.\n');
        return 0;
      }
      case 'seed': {
        await migrateToLatest(db);
        const result = await seedDemo(ctx);
        io.out(
          result.seeded
            ? `Seeded ${result.products} demo products and ${result.appliances} demo appliances.\n`
            : 'The shop already has data; nothing seeded.\n',
        );
        return 0;
      }
      case 'import':
        return await importCommand(ctx, args, io);
      case 'export':
        return await exportCommand(ctx, args, io);
      default:
        io.err(`Unknown command "${command}".\n\n${HELP}`);
        return 64;
    }
  } finally {
    if (ownsDb && command !== 'serve' && command !== 'worker') await db.destroy();
  }
}

async function serve(ctx: Ctx, io: Io): Promise<number> {
  const { config, db } = ctx;
  await migrateToLatest(db);
  if (config.seedDemo) {
    const seeded = await seedDemo(ctx);
    if (seeded.seeded)
      io.out(
        `Filled the empty shop with ${seeded.products} demo products and ${seeded.appliances} demo appliances.\n`,
      );
  }
  const app = await buildApp(config, { db, clock: ctx.clock });
  await scheduleHousekeeping(ctx);
  const jobs = startWorker(ctx, defaultJobKinds, { pollMs: config.jobPollMs, log: app.log });
  app.addHook('onClose', () => jobs.stop());
  await app.listen({ port: config.port, host: config.host });
  io.out(`\n  ${config.shopName} is open at ${config.publicUrl}\n`);
  const setup = await issueSetupLink(ctx);
  if (setup) io.out(`  Set up the owner account (one-time link, valid 24 hours):\n  ${setup}\n\n`);
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'finishing in-flight requests, then stopping');
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close('SIGTERM'));
  process.once('SIGINT', () => void close('SIGINT'));
  return 0;
}

/** Only the job loop, for scale-out: stops after the job in hand on SIGTERM or SIGINT. */
async function worker(ctx: Ctx, io: Io): Promise<number> {
  await migrateToLatest(ctx.db);
  await scheduleHousekeeping(ctx);
  const line = (level: string) => (obj: object, msg: string) =>
    io.err(`${JSON.stringify({ level, time: new Date().toISOString(), msg, ...obj })}\n`);
  const jobs = startWorker(ctx, defaultJobKinds, {
    pollMs: ctx.config.jobPollMs,
    log: { info: line('info'), error: line('error') },
  });
  io.out(`  ${ctx.config.shopName}: worker running (polling every ${ctx.config.jobPollMs} ms)\n`);
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await jobs.stop();
    await ctx.db.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close());
  process.once('SIGINT', () => void close());
  return 0;
}

async function importCommand(ctx: Ctx, args: string[], io: Io): Promise<number> {
  const [kind, file] = args;
  if (kind === 'appliances' && file) return importAppliancesCommand(ctx, file, io);
  if (kind !== 'products' || !file) {
    io.err('Usage: toonbank import products|appliances FILE\n');
    return 64;
  }
  await migrateToLatest(ctx.db);
  const content = await readImportFile(file, io);
  if (!content) return 66;
  const t = translator('en');
  const result = await importProducts(ctx, content, { onProgress: importProgress(io) });
  if (!result.ok) {
    io.err(`Nothing imported. ${describeUnusable(t, result)}\n`);
    return 65;
  }
  io.err('\n');
  for (const p of result.problems) io.out(`${describeProblem(t, p)}\n`);
  io.out(
    `${t('import.summary', { total: result.total, created: result.created, updated: result.updated, skipped: result.skipped })}\n`,
  );
  return result.problems.length > 0 ? 2 : 0;
}

async function exportCommand(ctx: Ctx, args: string[], io: Io): Promise<number> {
  const [kind, file] = args;
  if (kind !== 'products' && kind !== 'appliances') {
    io.err('Usage: toonbank export products|appliances [FILE]\n');
    return 64;
  }
  await migrateToLatest(ctx.db);
  const csv = kind === 'products' ? await exportProducts(ctx) : await exportAppliances(ctx);
  if (file) await writeFile(file, csv);
  else io.out(csv);
  return 0;
}

/** Appliances from CSV; on PostgreSQL the running shop processes hear of it and refresh their lookup index. */
async function importAppliancesCommand(ctx: Ctx, file: string, io: Io): Promise<number> {
  await migrateToLatest(ctx.db);
  const content = await readImportFile(file, io);
  if (!content) return 66;
  const t = translator('en');
  const result = await importAppliances(ctx, content, { onProgress: importProgress(io, 'appliances') });
  if (!result.ok) {
    io.err(`Nothing imported. ${describeApplianceUnusable(t, result)}\n`);
    return 65;
  }
  io.err('\n');
  await announceChange(ctx, result.applianceIds);
  for (const p of result.problems) io.out(`${describeApplianceProblem(t, p)}\n`);
  const { total, created, updated, skipped } = result;
  io.out(`${t('appliances.import.summary', { total, created, updated, skipped })}\n`);
  return result.problems.length > 0 ? 2 : 0;
}

/** The CSV file to import, or undefined after saying on stderr why it cannot be read (the caller exits 66). */
async function readImportFile(file: string, io: Io): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (err) {
    io.err(`Cannot read ${file}: ${(err as Error).message}\n`);
    return undefined;
  }
}

/** An import's progress on one stderr line, rewritten at every tenth and at the end: "Importing… 40/100 (40%)". */
function importProgress(io: Io, unit?: string): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (pct !== last && (pct % 10 === 0 || done === total)) {
      last = pct;
      io.err(`\rImporting… ${done}/${total}${unit ? ` ${unit}` : ''} (${pct}%)`);
    }
  };
}
