import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

/** The one typed configuration object. Every setting is read here, from the environment, with its default. */
export type Config = {
  /** NODE_ENV=production: secrets must be given, cookies get the `__Host-` prefix when PUBLIC_URL is https. */
  production: boolean;
  /** PORT (default 3000): the HTTP port. */
  port: number;
  /** HOST (default 0.0.0.0 in production, 127.0.0.1 otherwise): the interface to listen on. */
  host: string;
  /** DATABASE_URL (default: embedded SQLite at `${DATA_DIR}/toonbank.db`). `postgres://…` selects PostgreSQL; `sqlite::memory:` an in-memory database. */
  databaseUrl: string;
  /** DATA_DIR (default ./data): the embedded database, the generated secret and other local state. */
  dataDir: string;
  /** PUBLIC_URL (default http://localhost:PORT): the address customers use; links in e-mails and the setup link are built from it. */
  publicUrl: string;
  /** SHOP_NAME (default "Toonbank Demo"): shown in the header, titles and e-mails. */
  shopName: string;
  /** SHOP_TIMEZONE (default Europe/Amsterdam): the shop's clock for cut-off times, holidays and dates. */
  shopTimezone: string;
  /** DEFAULT_LOCALE (default nl): the language when neither ?lang=, the cookie nor Accept-Language decides. */
  defaultLocale: Locale;
  /** CURRENCY (default EUR): ISO currency of all prices. */
  currency: string;
  /** SESSION_SECRET (≥ 32 characters): signs cookies and tokens. Generated and kept in DATA_DIR/secret for the embedded install; required in production. */
  sessionSecret: string;
  /** LOG_LEVEL (default info; tests use silent). */
  logLevel: string;
  /** SEED_DEMO (default true): fill an empty database with the demo shop at start. */
  seedDemo: boolean;
  /** TRUST_PROXY (default false): honour X-Forwarded-* from a reverse proxy. */
  trustProxy: boolean;
  /**
   * SMTP_URL (default none), e.g. `smtp://user:pass@host:587` or `smtps://…:465`: e-mail goes out through this
   * server. Without it, messages stay in the development outbox, readable at /admin/outbox.
   */
  smtpUrl: string | null;
  /** MAIL_FROM (default `"${SHOP_NAME}" <shop@localhost>`): the sender of every e-mail. */
  mailFrom: string;
  /**
   * DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE (default none; all three or none): sign outgoing
   * mail with DKIM (passed to nodemailer). Publish the public key at `<selector>._domainkey.<domain>`.
   */
  dkim: { domainName: string; keySelector: string; privateKey: string } | null;
  /** JOB_POLL_MS (default 500): how often an idle worker looks for due jobs. */
  jobPollMs: number;
  /**
   * MOLLIE_API_KEY (default none): `test_…` or `live_…`. Set, the checkout also offers iDEAL, credit card and
   * Bancontact through Mollie's hosted checkout; unset, only bank transfer is offered.
   */
  mollieApiKey: string | null;
  /** MOLLIE_API_URL (default https://api.mollie.com/v2/): Mollie's API root; tests point it at a local stand-in. */
  mollieApiUrl: string;
  /**
   * VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (default none; both or neither; base64url, as
   * `npx web-push generate-vapid-keys` prints them): the shop's identity towards browsers' push services
   * (RFC 8292). Without them the embedded install generates a pair once and keeps it in DATA_DIR/vapid.json;
   * in production web push stays off until they are given. Changing them invalidates every subscription.
   */
  vapidKeys: { publicKey: string; privateKey: string } | null;
  /** VAPID_SUBJECT (default PUBLIC_URL when it is https, else `mailto:` + the MAIL_FROM address): how a push service can reach the operator. */
  vapidSubject: string;
  /**
   * SMS_PROVIDER (default none: SMS is off), 'messagebird'; with it SMS_API_KEY (the provider's access key),
   * SMS_SENDER (the originator: a number in international form or at most 11 letters and digits) and
   * SMS_API_URL (default https://rest.messagebird.com/; tests point it at a local stand-in).
   */
  sms: { provider: 'messagebird'; apiKey: string; apiUrl: string; sender: string } | null;
};

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration; throws ConfigError with a message an operator can act on. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const production = env.NODE_ENV === 'production';
  const port = parsePort(env.PORT ?? '3000');
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  const databaseUrl = env.DATABASE_URL?.trim() || `sqlite:${resolve(dataDir, 'toonbank.db')}`;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or sqlite: (got "${databaseUrl}")`);
  }
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a valid URL: "${publicUrl}"`);
  }
  const defaultLocale = (env.DEFAULT_LOCALE ?? 'nl') as Locale;
  if (!LOCALES.includes(defaultLocale))
    throw new ConfigError(`DEFAULT_LOCALE must be one of ${LOCALES.join(', ')}`);
  const shopTimezone = env.SHOP_TIMEZONE ?? 'Europe/Amsterdam';
  try {
    new Intl.DateTimeFormat('en', { timeZone: shopTimezone });
  } catch {
    throw new ConfigError(`SHOP_TIMEZONE is not a known IANA time zone: "${shopTimezone}"`);
  }
  const config: Config = {
    production,
    port,
    host: env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    dataDir,
    publicUrl,
    shopName: env.SHOP_NAME ?? 'Toonbank Demo',
    shopTimezone,
    defaultLocale,
    currency: env.CURRENCY ?? 'EUR',
    sessionSecret: env.SESSION_SECRET ?? '',
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemo: (env.SEED_DEMO ?? 'true') !== 'false',
    trustProxy: env.TRUST_PROXY === 'true',
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mailFrom:
      env.MAIL_FROM ?? `"${(env.SHOP_NAME ?? 'Toonbank Demo').replace(/["\\]/g, '')}" <shop@localhost>`,
    dkim: parseDkim(env),
    jobPollMs: parsePositive('JOB_POLL_MS', env.JOB_POLL_MS ?? '500'),
    mollieApiKey: env.MOLLIE_API_KEY?.trim() || null,
    mollieApiUrl: (env.MOLLIE_API_URL?.trim() || 'https://api.mollie.com/v2/').replace(/\/*$/, '/'),
    vapidKeys: parseVapidKeys(env),
    vapidSubject: parseVapidSubject(env, publicUrl),
    sms: parseSms(env),
    ...overrides,
  };
  if (!config.sessionSecret) config.sessionSecret = secretFor(config);
  if (config.sessionSecret.length < 32)
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long');
  return config;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be 0–65535 (got "${text}")`);
  return port;
}

function parseSmtpUrl(text: string | undefined): string | null {
  const url = text?.trim();
  if (!url) return null;
  if (!/^smtps?:\/\/[^/]/.test(url))
    throw new ConfigError('SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465');
  return url;
}

function parseDkim(env: Env): Config['dkim'] {
  const domainName = env.DKIM_DOMAIN?.trim();
  const keySelector = env.DKIM_SELECTOR?.trim();
  const file = env.DKIM_PRIVATE_KEY_FILE?.trim();
  if (!domainName && !keySelector && !file) return null;
  if (!domainName || !keySelector || !file)
    throw new ConfigError('DKIM needs all three of DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE');
  try {
    return { domainName, keySelector, privateKey: readFileSync(file, 'utf8') };
  } catch (err) {
    throw new ConfigError(`DKIM_PRIVATE_KEY_FILE cannot be read: ${(err as Error).message}`);
  }
}

function parseVapidKeys(env: Env): Config['vapidKeys'] {
  const publicKey = env.VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.VAPID_PRIVATE_KEY?.trim();
  if (!publicKey && !privateKey) return null;
  if (!publicKey || !privateKey)
    throw new ConfigError('Web push needs both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (or neither)');
  const pub = Buffer.from(publicKey, 'base64url');
  if (pub.length !== 65 || pub[0] !== 4)
    throw new ConfigError('VAPID_PUBLIC_KEY must be an uncompressed P-256 public key (65 bytes, base64url)');
  if (Buffer.from(privateKey, 'base64url').length !== 32)
    throw new ConfigError('VAPID_PRIVATE_KEY must be a P-256 private key (32 bytes, base64url)');
  return { publicKey, privateKey };
}

function parseVapidSubject(env: Env, publicUrl: string): string {
  const subject = env.VAPID_SUBJECT?.trim();
  if (subject) {
    if (!/^(https:\/\/[^/]|mailto:[^@\s]+@[^@\s]+$)/.test(subject))
      throw new ConfigError('VAPID_SUBJECT must be an https: URL or a mailto: address');
    return subject;
  }
  if (publicUrl.startsWith('https://')) return publicUrl;
  const address = /<([^<>@\s]+@[^<>@\s]+)>|^([^<>@\s]+@[^<>@\s]+)$/.exec(env.MAIL_FROM?.trim() ?? '');
  return `mailto:${address?.[1] ?? address?.[2] ?? 'shop@localhost'}`;
}

function parseSms(env: Env): Config['sms'] {
  const provider = env.SMS_PROVIDER?.trim();
  if (!provider) return null;
  if (provider !== 'messagebird')
    throw new ConfigError(`SMS_PROVIDER must be 'messagebird' or unset (got "${provider}")`);
  const apiKey = env.SMS_API_KEY?.trim();
  if (!apiKey) throw new ConfigError('SMS_PROVIDER is set, so SMS_API_KEY (the access key) must be too');
  const sender = env.SMS_SENDER?.trim();
  if (!sender || !/^(\+?[1-9][0-9]{5,14}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11})$/.test(sender))
    throw new ConfigError(
      'SMS_SENDER must be a phone number in international form (e.g. +31612345678) or 1–11 letters and digits',
    );
  const apiUrl = (env.SMS_API_URL?.trim() || 'https://rest.messagebird.com/').replace(/\/*$/, '/');
  try {
    new URL(apiUrl);
  } catch {
    throw new ConfigError(`SMS_API_URL is not a valid URL: "${apiUrl}"`);
  }
  return { provider, apiKey, apiUrl, sender };
}

function parsePositive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0)
    throw new ConfigError(`${name} must be a positive whole number (got "${text}")`);
  return n;
}

/** The embedded install generates its secret once and keeps it; production must be told. */
function secretFor(config: Config): string {
  if (config.production) {
    throw new ConfigError(
      'SESSION_SECRET is not set. In production it must be given (e.g. `openssl rand -hex 32`); it signs sessions and links.',
    );
  }
  const file = resolve(config.dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** True when cookies must be marked Secure and carry the `__Host-` prefix. */
export function servesHttps(config: Config): boolean {
  return config.publicUrl.startsWith('https://');
}
