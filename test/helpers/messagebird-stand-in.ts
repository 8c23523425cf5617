import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInSms = {
  id: string;
  originator: string;
  recipients: string[];
  body: string;
  reference: string | null;
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
  close(): Promise<void>;
};

/**
 * A local stand-in for the part of MessageBird's SMS API the shop uses (`POST /messages`), as documented: an
 * `Authorization: AccessKey …` header, a JSON body with `originator`, `recipients`, `body` and optional
 * `reference`; 201 with the message (`id`, `recipients.items[].status`), 401 `{"errors":[{"code":2,…}]}` for a
 * wrong key, 422 with code 9 (recipients) or 10 (originator, body) for invalid fields.
 */
export async function startMessageBirdStandIn(): Promise<MessageBirdStandIn> {
  const standIn: MessageBirdStandIn = {
    apiUrl: '',
    accessKey: `live_${randomBytes(12).toString('hex')}`,
    messages: [],
    requests: [],
    failWith: null,
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
      if (req.method !== 'POST' || req.url !== '/messages') return error(404, 20, 'message not found', null);
      if (standIn.failWith) return error(standIn.failWith, 99, 'internal error', null);
      if (req.headers.authorization !== `AccessKey ${standIn.accessKey}`)
        return error(401, 2, 'Request not allowed (incorrect access_key)', 'access_key');
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
      };
      standIn.messages.push(sms);
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
