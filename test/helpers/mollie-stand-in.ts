import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInPayment = {
  id: string;
  status: 'open' | 'pending' | 'authorized' | 'paid' | 'failed' | 'expired' | 'canceled';
  amount: { currency: string; value: string };
  description: string;
  method: string | null;
  redirectUrl: string;
  webhookUrl: string;
  metadata: unknown;
};

export type StandInRefund = {
  id: string;
  paymentId: string;
  amount: { currency: string; value: string };
  idempotencyKey: string | null;
};

/** Delivers a webhook to the shop: by default over HTTP, in tests usually `app.inject`. */
export type Deliver = (url: string, form: string) => Promise<number>;

export type MollieStandIn = {
  /** The API root to put in MOLLIE_API_URL, e.g. http://127.0.0.1:4321/v2/ */
  apiUrl: string;
  payments: Map<string, StandInPayment>;
  refunds: StandInRefund[];
  /** Every request the stand-in received (method, path, headers and body), to check what the shop sent. */
  requests: { method: string; path: string; headers: IncomingMessage['headers']; body: string }[];
  /** While true every API call answers 503, as if Mollie were down. */
  down: boolean;
  /** Sets a payment's status, as the customer paying (or giving up) on Mollie's page would. */
  setStatus(id: string, status: StandInPayment['status']): void;
  /** Posts `id=<payment id>` to the payment's webhookUrl, as Mollie does after a change; answers the HTTP status. */
  fireWebhook(id: string): Promise<number>;
  close(): Promise<void>;
};

/**
 * A local stand-in for the subset of Mollie's v2 API the shop uses (create, get and refund a payment;
 * `Idempotency-Key` replays; the hosted checkout page), on 127.0.0.1 and a free port. It checks a Bearer
 * `test_…` key, keeps everything in memory, and fires webhooks only when the test says so. The checkout
 * page (`GET /checkout/:id`) has buttons that set the status, fire the webhook and send the browser back.
 */
export async function startMollieStandIn(options: { deliver?: Deliver } = {}): Promise<MollieStandIn> {
  const payments = new Map<string, StandInPayment>();
  const refunds: StandInRefund[] = [];
  const requests: MollieStandIn['requests'] = [];
  const replays = new Map<string, { status: number; body: unknown }>();
  const deliver: Deliver =
    options.deliver ??
    (async (url, form) =>
      (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form,
        })
      ).status);
  let base = '';

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      void handle(req, res, body).catch((err: Error) => send(res, 500, { status: 500, detail: err.message }));
    });
  });

  function send(res: ServerResponse, status: number, body: unknown, type = 'application/hal+json') {
    res.writeHead(status, { 'content-type': type });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  function present(p: StandInPayment) {
    return {
      resource: 'payment',
      id: p.id,
      mode: 'test',
      status: p.status,
      amount: p.amount,
      description: p.description,
      method: p.method,
      metadata: p.metadata,
      redirectUrl: p.redirectUrl,
      webhookUrl: p.webhookUrl,
      _links: {
        self: { href: `${base}/v2/payments/${p.id}`, type: 'application/hal+json' },
        ...(p.status === 'open' ? { checkout: { href: `${base}/checkout/${p.id}`, type: 'text/html' } } : {}),
      },
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const checkout = /^\/checkout\/(tr_\w+)$/.exec(url.pathname);
    if (checkout) return checkoutPage(req, res, checkout[1]!, body);
    if (standIn.down)
      return send(res, 503, { status: 503, title: 'Service Unavailable', detail: 'stand-in down' });
    if (!/^Bearer test_\w+$/.test(req.headers.authorization ?? ''))
      return send(res, 401, { status: 401, title: 'Unauthorized Request', detail: 'Missing authentication' });
    const key = req.headers['idempotency-key'];
    const replayKey = typeof key === 'string' ? `${req.method} ${url.pathname} ${key}` : null;
    if (req.method === 'POST' && replayKey && replays.has(replayKey)) {
      const stored = replays.get(replayKey)!;
      return send(res, stored.status, stored.body);
    }
    const answer = route(req.method ?? '', url.pathname, body, typeof key === 'string' ? key : null);
    if (req.method === 'POST' && replayKey && answer.status < 500) replays.set(replayKey, answer);
    return send(res, answer.status, answer.body);
  }

  function route(
    method: string,
    path: string,
    body: string,
    key: string | null,
  ): { status: number; body: unknown } {
    if (method === 'POST' && path === '/v2/payments') {
      const input = JSON.parse(body) as Partial<StandInPayment>;
      if (!input.amount || !/^\d+\.\d{2}$/.test(input.amount.value) || !input.redirectUrl)
        return {
          status: 422,
          body: { status: 422, title: 'Unprocessable Entity', detail: 'amount and redirectUrl' },
        };
      const payment: StandInPayment = {
        id: `tr_${randomBytes(6).toString('hex')}`,
        status: 'open',
        amount: input.amount,
        description: input.description ?? '',
        method: input.method ?? null,
        redirectUrl: input.redirectUrl,
        webhookUrl: input.webhookUrl ?? '',
        metadata: input.metadata ?? null,
      };
      payments.set(payment.id, payment);
      return { status: 201, body: present(payment) };
    }
    const get = /^\/v2\/payments\/([^/]+)$/.exec(path);
    if (method === 'GET' && get) {
      const payment = payments.get(get[1]!);
      return payment
        ? { status: 200, body: present(payment) }
        : { status: 404, body: { status: 404, title: 'Not Found', detail: 'No payment exists with token' } };
    }
    const refund = /^\/v2\/payments\/([^/]+)\/refunds$/.exec(path);
    if (method === 'POST' && refund) {
      const payment = payments.get(refund[1]!);
      if (!payment) return { status: 404, body: { status: 404, title: 'Not Found', detail: 'no payment' } };
      if (payment.status !== 'paid')
        return { status: 422, body: { status: 422, title: 'Unprocessable Entity', detail: 'not paid' } };
      const input = JSON.parse(body) as { amount: StandInRefund['amount'] };
      const made: StandInRefund = {
        id: `re_${randomBytes(6).toString('hex')}`,
        paymentId: payment.id,
        amount: input.amount,
        idempotencyKey: key,
      };
      refunds.push(made);
      return {
        status: 201,
        body: {
          resource: 'refund',
          id: made.id,
          status: 'pending',
          amount: made.amount,
          paymentId: payment.id,
        },
      };
    }
    return { status: 404, body: { status: 404, title: 'Not Found', detail: `${method} ${path}` } };
  }

  async function checkoutPage(
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
    body: string,
  ): Promise<void> {
    const payment = payments.get(id);
    if (!payment) return send(res, 404, 'no such payment', 'text/plain');
    if (req.method === 'POST') {
      const status = new URLSearchParams(body).get('status') as StandInPayment['status'] | null;
      if (status && ['paid', 'failed', 'canceled', 'expired'].includes(status)) payment.status = status;
      if (payment.webhookUrl) await deliver(payment.webhookUrl, `id=${payment.id}`);
      res.writeHead(303, { location: payment.redirectUrl });
      return void res.end();
    }
    const button = (s: string, label: string) =>
      `<button type="submit" name="status" value="${s}">${label}</button>`;
    return send(
      res,
      200,
      `<!doctype html><title>Mollie stand-in</title><h1>Test payment ${payment.id}</h1><p>${payment.amount.currency} ${payment.amount.value}: ${payment.description.replace(/[<&]/g, '')}</p><form method="post">${button('paid', 'Paid')}${button('failed', 'Failed')}${button('canceled', 'Canceled')}</form>`,
      'text/html; charset=utf-8',
    );
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standIn: MollieStandIn = {
    apiUrl: `${base}/v2/`,
    payments,
    refunds,
    requests,
    down: false,
    setStatus(id, status) {
      const payment = payments.get(id);
      if (!payment) throw new Error(`stand-in has no payment ${id}`);
      payment.status = status;
    },
    fireWebhook(id) {
      const payment = payments.get(id);
      if (!payment) throw new Error(`stand-in has no payment ${id}`);
      return deliver(payment.webhookUrl, `id=${id}`);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
  return standIn;
}
