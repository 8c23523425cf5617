import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInSms = {
  id: string;
  originator: string;
  recipients: string[];
  body: string;
  reference: string | null;
  createdDatetime: string;
};

export type MessageBirdStandIn = {
  /** The API root to put in SMS_API_URL, e.g. http://127.0.0.1:4321/ */
  apiUrl: string;
  /** The access key it accepts. */
  accessKey: string;
  messages: StandInSms[];
  requests: { method: string; path: string; headers: IncomingMessage['headers']; body: string }[];
  /** While set, every call answers this status (with a MessageBird error body), e.g. 503 or 402. */
  failWith: number | null;
  /** While set, the list call (GET /messages) answers this status. */
  failListWith: number | null;
  /**
   * While set, a send is accepted (kept in `messages`) and then the connection is cut before the answer: what the
   * shop sees when the provider took the SMS but the shop never learnt it (or died before recording it).
   */
  acceptThenDrop: boolean;
  /** The provider's clock (ISO), for `createdDatetime` and the list's `from`; the real time unless a test sets it. */
  now: () => string;
  close(): Promise<void>;
};

/**
 * A local stand-in for the part of MessageBird's SMS API the shop uses (`POST /messages`), as documented: an
 * `Authorization: AccessKey …` header, a JSON body with `originator`, `recipients`, `body` and optional
 * `reference`; 201 with the message (`id`, `recipients.items[].status`), 401 `{"errors":[{"code":2,…}]}` for a
 * wrong key, 422 with code 9 (recipients) or 10 (originator, body) for invalid fields. And the list call
 * `GET /messages` with the filters `direction`, `recipient`, `from` (RFC 3339), `limit` and `offset`, answering
 * `{ offset, limit, count, totalCount, links, items }` newest first.
 */
export async function startMessageBirdStandIn(): Promise<MessageBirdStandIn> {
  const standIn: MessageBirdStandIn = {
    apiUrl: '',
    accessKey: `live_${randomBytes(12).toString('hex')}`,
    messages: [],
    requests: [],
    failWith: null,
    failListWith: null,
    acceptThenDrop: false,
    now: () => new Date().toISOString(),
    close: async () => {},
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      standIn.requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: text,
      });
      const answer = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const error = (status: number, code: number, description: string, parameter: string | null) =>
        answer(status, { errors: [{ code, description, parameter }] });
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const list = req.method === 'GET' && url.pathname === '/messages';
      if (!list && (req.method !== 'POST' || req.url !== '/messages'))
        return error(404, 20, 'message not found', null);
      if (standIn.failWith) return error(standIn.failWith, 99, 'internal error', null);
      if (req.headers.authorization !== `AccessKey ${standIn.accessKey}`)
        return error(401, 2, 'Request not allowed (incorrect access_key)', 'access_key');
      if (list) {
        if (standIn.failListWith) return error(standIn.failListWith, 99, 'internal error', null);
        const q = url.searchParams;
        const limit = Math.min(Number(q.get('limit') ?? 20), 450);
        const offset = Number(q.get('offset') ?? 0);
        const from = q.get('from');
        const matching = standIn.messages
          .filter(
            (m) =>
              (q.get('direction') ?? 'mt') === 'mt' &&
              (!q.get('recipient') || m.recipients.includes(q.get('recipient') ?? '')) &&
              (!from || Date.parse(m.createdDatetime) >= Date.parse(from)),
          )
          .reverse();
        const items = matching.slice(offset, offset + limit).map((m) => ({
          id: m.id,
          href: `${standIn.apiUrl}messages/${m.id}`,
          direction: 'mt',
          type: 'sms',
          originator: m.originator,
          body: m.body,
          reference: m.reference,
          createdDatetime: m.createdDatetime,
        }));
        return answer(200, {
          offset,
          limit,
          count: items.length,
          totalCount: matching.length,
          links: { first: null, previous: null, next: null, last: null },
          items,
        });
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return error(400, 21, 'Bad request (phone number has unknown format)', null);
      }
      const recipients = Array.isArray(body.recipients) ? body.recipients.map(String) : [];
      if (recipients.length === 0 || !recipients.every((r) => /^[1-9][0-9]{7,14}$/.test(r)))
        return error(422, 9, 'no (correct) recipients found', 'recipients');
      if (typeof body.originator !== 'string' || body.originator === '')
        return error(422, 10, 'originator is invalid', 'originator');
      if (typeof body.body !== 'string' || body.body === '') return error(422, 9, 'body is required', 'body');
      const sms: StandInSms = {
        id: randomBytes(16).toString('hex'),
        originator: body.originator,
        recipients,
        body: body.body,
        reference: typeof body.reference === 'string' ? body.reference : null,
        createdDatetime: standIn.now(),
      };
      standIn.messages.push(sms);
      if (standIn.acceptThenDrop) return req.socket.destroy();
      answer(201, {
        id: sms.id,
        href: `${standIn.apiUrl}messages/${sms.id}`,
        direction: 'mt',
        type: 'sms',
        originator: sms.originator,
        body: sms.body,
        reference: sms.reference,
        datacoding: body.datacoding ?? 'plain',
        recipients: {
          totalCount: recipients.length,
          totalSentCount: recipients.length,
          items: recipients.map((r) => ({ recipient: Number(r), status: 'sent' })),
        },
      });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  standIn.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  standIn.close = () => new Promise<void>((done) => server.close(() => done()));
  return standIn;
}
