import { randomInt } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import type { Db } from '../../src/db/database.ts';
import { newId } from '../../src/db/ids.ts';
import { hashPassword } from '../../src/staff/passwords.ts';
import type { StaffRole } from '../../src/staff/tables.ts';
import type { App } from '../../src/web/app.ts';

export type Upload = { field: string; filename: string; contentType: string; data: Buffer };

/**
 * A tiny browser for `app.inject`: it keeps cookies, reads the `_csrf` hidden field from the last page it saw,
 * and posts forms url-encoded or as multipart. Each browser has its own IP address, so per-IP rate limits of one
 * test do not spill into another.
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  lastCsrf: string | undefined;
  readonly ip: string;

  constructor(
    private readonly app: App,
    ip?: string,
  ) {
    this.ip = ip ?? `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  }

  async request(options: InjectOptions): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.inject({
      remoteAddress: this.ip,
      ...options,
      headers: { accept: 'text/html', ...(cookie ? { cookie } : {}), ...options.headers },
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone =
        c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const csrf = csrfIn(res.body);
    if (csrf) this.lastCsrf = csrf;
    return res;
  }

  get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request({ method: 'GET', url, headers });
  }

  /** Posts url-encoded fields with the CSRF token of the last page seen (unless `_csrf` is given, or null to leave it out). */
  post(
    url: string,
    fields: Record<string, string | null>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const body = new URLSearchParams();
    const csrf = '_csrf' in fields ? fields._csrf : this.lastCsrf;
    if (csrf) body.set('_csrf', csrf);
    for (const [k, v] of Object.entries(fields)) if (k !== '_csrf' && v !== null) body.set(k, v);
    return this.request({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  /** Opens a page, then posts its form (to `action`, default the same URL) the way a browser would. */
  async submit(pageUrl: string, fields: Record<string, string | null>, action = pageUrl): Promise<Response> {
    const page = await this.get(pageUrl);
    if (page.statusCode !== 200) throw new Error(`GET ${pageUrl} answered ${page.statusCode}`);
    return this.post(action, fields);
  }

  /** Posts a multipart form with files, carrying the CSRF token of the last page seen. */
  upload(url: string, fields: Record<string, string>, files: Upload[]): Promise<Response> {
    const boundary = `----toonbank${randomInt(1e9)}`;
    const parts: Buffer[] = [];
    const all = { ...(this.lastCsrf ? { _csrf: this.lastCsrf } : {}), ...fields };
    for (const [k, v] of Object.entries(all)) {
      parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    }
    for (const f of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\ncontent-disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\ncontent-type: ${f.contentType}\r\n\r\n`,
        ),
        f.data,
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.request({
      method: 'POST',
      url,
      payload: Buffer.concat(parts),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  }
}

export function csrfIn(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** Puts an active staff member straight into the database (the setup and invite flows have their own tests). */
export async function createStaff(
  db: Db,
  input: { email: string; role?: StaffRole; name?: string; password?: string },
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('staff')
    .values({
      id,
      email: input.email,
      name: input.name ?? input.email.split('@')[0]!,
      role: input.role ?? 'owner',
      password_hash: await hashPassword(input.password ?? TEST_PASSWORD),
      created_at: now,
      updated_at: now,
      disabled_at: null,
    })
    .execute();
  return id;
}

/** A browser logged in through the login form. */
export async function signedIn(app: App, email: string, password = TEST_PASSWORD): Promise<Browser> {
  const browser = new Browser(app);
  const res = await browser.submit('/admin/login', { email, password });
  if (res.statusCode !== 303) throw new Error(`login of ${email} answered ${res.statusCode}`);
  return browser;
}
