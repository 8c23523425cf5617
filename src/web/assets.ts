import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const PUBLIC_DIR = resolve(import.meta.dirname, '../../public');
const versions = new Map<string, string>();

/** `/assets/app.css?v=<content hash>`: assets are cached for a year and change name when they change. */
export function assetUrl(file: string): string {
  let version = versions.get(file);
  if (version === undefined) {
    const path = resolve(PUBLIC_DIR, file);
    version = existsSync(path)
      ? createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 10)
      : '0';
    versions.set(file, version);
  }
  return `/assets/${file}?v=${version}`;
}
