import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

export type ShopProcess = {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The temp dir holding the SQLite file (and CPU profiles when asked for). */
  dataDir: string;
  /** Stops the shop (SIGTERM, so a CPU profile gets written) and, unless `keepDataDir`, removes its data. */
  stop(options?: { keepDataDir?: boolean }): Promise<void>;
};

/** A free loopback port (closed again at once, so another process may in theory take it first). */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls `url` until it answers 2xx; fails early when `child` exits. */
export async function waitUntilUp(url: string, child: ChildProcess, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server for ${url} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up within ${seconds} s`);
}

/** SIGTERM, then SIGKILL after 10 s. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/**
 * The shop as an operator starts it (`node bin/toonbank.js serve`, production mode, logging off) on a fresh
 * SQLite file in a temp dir, seeded with the demo catalogue, on a free loopback port; resolves once /healthz
 * answers. For benchmarks and audits, which must not share an event loop with the shop.
 */
export async function startShopProcess(options: { nodeArgs?: string[] } = {}): Promise<ShopProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'toonbank-shop-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'bin/toonbank.js', 'serve'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${join(dataDir, 'toonbank.db')}`,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'true',
    },
  });
  const stop = async ({ keepDataDir = false } = {}) => {
    await stopProcess(child);
    if (!keepDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(`${url}/healthz`, child);
  } catch (err) {
    await stop();
    throw err;
  }
  return { child, url, dataDir, stop };
}

/** The first product the shop's JSON API lists: its sku and the slug of its page. */
export async function firstProduct(shopUrl: string): Promise<{ sku: string; slug: string }> {
  const listing = (await (await fetch(`${shopUrl}/api/v1/products?limit=1`)).json()) as {
    items?: { sku: string; slug: string }[];
  };
  const product = listing.items?.[0];
  if (!product) throw new Error('the seeded shop lists no product');
  return product;
}
