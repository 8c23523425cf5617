import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import webpush from 'web-push';
import type { Config } from '../../config.ts';

export type VapidDetails = { subject: string; publicKey: string; privateKey: string };

const cache = new WeakMap<Config, VapidDetails | null>();

/**
 * The shop's VAPID identity (RFC 8292), or null when web push is off. From VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY
 * when given; otherwise the embedded install generates a pair once and keeps it in DATA_DIR/vapid.json, so
 * that subscriptions keep working across restarts. Production without keys: null (push is not offered).
 */
export function vapidDetails(config: Config): VapidDetails | null {
  if (!cache.has(config)) cache.set(config, load(config));
  return cache.get(config) ?? null;
}

function load(config: Config): VapidDetails | null {
  if (config.vapidKeys) return { subject: config.vapidSubject, ...config.vapidKeys };
  if (config.production) return null;
  return { subject: config.vapidSubject, ...storedKeys(config.dataDir) };
}

function storedKeys(dataDir: string): { publicKey: string; privateKey: string } {
  const file = resolve(dataDir, 'vapid.json');
  const read = () => JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
  try {
    return read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const keys = webpush.generateVAPIDKeys();
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx': when two processes start at once, the first pair written wins and both use it
    writeFileSync(file, `${JSON.stringify(keys)}\n`, { mode: 0o600, flag: 'wx' });
    return keys;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return read();
    throw err;
  }
}
