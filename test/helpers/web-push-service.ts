import { spawnSync } from 'node:child_process';
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, globalAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/config.ts';
import { vapidDetails } from '../../src/messaging/channels/vapid-details.ts';

/** A browser's side of a subscription: what it would give the shop, and the private half it keeps. */
export type BrowserSubscription = {
  endpoint: string;
  keys: { p256dh: string; auth: string };
};

/** One message as the push service received it, after checking its VAPID signature and decrypting it. */
export type ReceivedPush = {
  endpoint: string;
  /** The decrypted payload (what the browser's service worker would get). */
  text: string;
  headers: Record<string, string | string[] | undefined>;
  /** The verified VAPID JWT's claims. */
  claims: { aud: string; exp: number; sub: string };
};

export type PushServiceStandIn = {
  /** The https root, e.g. https://127.0.0.1:4321 */
  origin: string;
  /** Trusts the stand-in's self-signed certificate; pass to sendPush's `options.agent`. */
  agent: Agent;
  received: ReceivedPush[];
  /** Requests refused, with the reason the stand-in gave (bad signature, undecryptable, …). */
  refused: { endpoint: string; status: number; reason: string }[];
  /** A new browser subscription at this push service: a fresh P-256 key pair and auth secret. */
  subscribe(): BrowserSubscription;
  /** Makes the push service answer this status for the endpoint from now on (e.g. 410: unsubscribed; 503). */
  answer(endpoint: string, status: number): void;
  /**
   * Trusts the stand-in's certificate for every https request of this process until `close` (for tests that
   * reach sendPush through the gateway, where no agent can be passed).
   */
  trustEverywhere(): void;
  close(): Promise<void>;
};

/**
 * A local push service speaking the Web Push protocol the way a browser vendor's does: RFC 8030 (POST to the
 * subscription's endpoint, TTL required, 201 Created), RFC 8292 (the `Authorization: vapid t=…, k=…` JWT is
 * verified as ES256 against the application server key the subscription was made with, and its `aud` must be
 * this origin) and RFC 8291 (the aes128gcm body is decrypted with the subscription's private key and auth
 * secret). It is written from the RFCs with node:crypto alone, independent of the web-push package it tests.
 * HTTPS on 127.0.0.1 with a throwaway self-signed certificate made by `openssl`.
 */
export async function startPushService(applicationServerKey: string): Promise<PushServiceStandIn> {
  const tls = selfSignedCertificate();
  const browsers = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const answers = new Map<string, number>();
  const received: ReceivedPush[] = [];
  const refused: PushServiceStandIn['refused'] = [];
  let origin = '';
  let trusted = false;

  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const endpoint = `${origin}${req.url}`;
      const refuse = (status: number, reason: string) => {
        refused.push({ endpoint, status, reason });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(reason);
      };
      const browser = browsers.get(endpoint);
      if (req.method !== 'POST' || !browser) return refuse(404, 'no such subscription');
      const forced = answers.get(endpoint);
      if (forced) return refuse(forced, `answering ${forced} as told`);
      if (!req.headers.ttl || !/^\d+$/.test(String(req.headers.ttl)))
        return refuse(400, 'TTL header missing');
      const claims = checkVapid(String(req.headers.authorization ?? ''), applicationServerKey, origin);
      if (typeof claims === 'string') return refuse(403, claims);
      if (req.headers['content-encoding'] !== 'aes128gcm')
        return refuse(415, 'content-encoding must be aes128gcm');
      let text: string;
      try {
        text = decrypt(Buffer.concat(chunks), browser.ecdh, browser.auth);
      } catch (err) {
        return refuse(400, `cannot decrypt: ${(err as Error).message}`);
      }
      received.push({ endpoint, text, headers: req.headers, claims });
      res.writeHead(201, { location: `${endpoint}/messages/${received.length}` }).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new Agent({ ca: tls.cert, keepAlive: false });

  return {
    origin,
    agent,
    received,
    refused,
    subscribe() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const endpoint = `${origin}/push/${randomBytes(12).toString('base64url')}`;
      browsers.set(endpoint, { ecdh, auth });
      return {
        endpoint,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      };
    },
    answer(endpoint, status) {
      answers.set(endpoint, status);
    },
    trustEverywhere() {
      globalAgent.options.ca = tls.cert;
      trusted = true;
    },
    async close() {
      if (trusted) delete globalAgent.options.ca;
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** RFC 8292 §2–3: `vapid t=<JWT>, k=<key>`; the JWT is ES256-signed by k, which must be the subscription's key. */
function checkVapid(header: string, expectedKey: string, origin: string): ReceivedPush['claims'] | string {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header);
  if (!match) return 'Authorization is not a VAPID header';
  const [, jwt, k] = match as unknown as [string, string, string];
  if (k !== expectedKey) return 'k is not the key this subscription was made with';
  const [head, body, signature] = jwt.split('.') as [string, string, string];
  const raw = Buffer.from(k, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const valid = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) return 'JWT signature does not verify with k';
  const header_ = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
  if (header_.alg !== 'ES256') return 'JWT alg must be ES256';
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as ReceivedPush['claims'];
  if (claims.aud !== origin) return `aud ${claims.aud} is not this push service (${origin})`;
  const now = Math.floor(Date.now() / 1000);
  if (!(claims.exp > now && claims.exp <= now + 24 * 3600)) return 'exp must be within the next 24 hours';
  if (!/^(mailto:|https:)/.test(claims.sub ?? '')) return 'sub must be a mailto: or https: URL';
  return claims;
}

/** RFC 8291 §3.4 key derivation and RFC 8188 aes128gcm, single record, as a user agent decrypts. */
function decrypt(body: Buffer, ecdh: ReturnType<typeof createECDH>, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20] ?? 0;
  const senderKey = body.subarray(21, 21 + idLength);
  if (idLength !== 65) throw new Error('keyid must be the 65-byte application server public key');
  const record = body.subarray(21 + idLength);
  if (record.length > recordSize) throw new Error('more than one record');
  const secret = ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), senderKey]);
  const ikm = Buffer.from(hkdfSync('sha256', secret, auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  if (plain[end] !== 2) throw new Error('last record must end with the 0x02 padding delimiter');
  return plain.subarray(0, end).toString('utf8');
}

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'push-service-'));
  try {
    const result = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`openssl could not make a test certificate: ${result.stderr}`);
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The push service stand-in for a shop: subscriptions are made with the shop's VAPID public key. */
export function startPushServiceFor(config: Config): Promise<PushServiceStandIn> {
  return startPushService(vapidDetails(config)?.publicKey ?? '');
}
