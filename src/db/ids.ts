import { randomBytes } from 'node:crypto';

// Random bytes are drawn 4 KiB at a time (as crypto.randomUUID does): one system call per 256 ids, which
// matters when an import makes a hundred thousand of them.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = POOL_BYTES;

/** A time-ordered, URL-safe id (UUIDv7 layout) that can be made before the insert. */
export function newId(nowMs: number = Date.now()): string {
  if (offset + 16 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 16);
  offset += 16;
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
