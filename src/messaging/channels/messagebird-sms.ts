import { normalisePhone } from './phone-number.ts';
import { SmsError, type SmsProvider } from './sms-provider.ts';

/**
 * The subset of MessageBird's (Bird's) SMS REST API the shop uses: `POST {apiUrl}messages` with
 * `Authorization: AccessKey …` and a JSON body of `originator`, `recipients`, `body`, `reference`,
 * `datacoding`; 201 Created answers the message with its `id`, an error answers
 * `{ "errors": [{ "code", "description", "parameter" }] }` (e.g. 401 code 2 for a wrong key, 422 code 9 for no
 * valid recipient). And to find out whether an earlier send went through, the list call
 * `GET {apiUrl}messages?direction=mt&recipient=…&from=…&limit=…&offset=…`, answering
 * `{ offset, limit, count, totalCount, items: [message…] }`, each message with its `reference`. Written with
 * `fetch`: no SDK needed for two calls.
 */
type MessageBirdError = { code?: number; description?: string; parameter?: string | null };

/** How long one call may take before the shop gives up (and the job retries). */
const TIMEOUT_MS = 10_000;
/** Page size of the list call, and how many pages a lookup reads before it says it cannot tell. */
const PAGE = 50;
const MAX_PAGES = 10;
/** The provider's clock may be behind ours: look this much earlier than our attempt. */
const CLOCK_MARGIN_MS = 10 * 60_000;

export function messagebirdProvider(options: {
  apiKey: string;
  apiUrl: string;
  sender: string;
}): SmsProvider {
  return {
    async send(sms) {
      const number = normalisePhone(sms.to);
      if (!number.ok) throw new SmsError(`not a phone number SMS can go to (${number.reason})`, null, true);
      let response: Response;
      try {
        response = await fetch(new URL('messages', options.apiUrl), {
          method: 'POST',
          headers: {
            authorization: `AccessKey ${options.apiKey}`,
            accept: 'application/json',
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            originator: options.sender,
            // MessageBird takes MSISDNs: the international number without the "+"
            recipients: [number.e164.slice(1)],
            body: sms.text,
            reference: sms.id,
            datacoding: 'auto',
          }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        throw new SmsError(`MessageBird unreachable: ${(err as Error).message}`, null, false);
      }
      const text = await response.text();
      if (!response.ok) {
        const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
        throw new SmsError(
          `MessageBird ${retryable ? 'failed' : 'refused the SMS'} (${response.status}): ${describe(text)}`,
          response.status,
          !retryable,
        );
      }
      let id: unknown;
      try {
        id = (JSON.parse(text) as { id?: unknown }).id;
      } catch {}
      // accepted but unreadable: the SMS may be on its way, so retrying could send it twice
      if (typeof id !== 'string' || id === '')
        throw new SmsError(
          `MessageBird answered ${response.status} without a message id`,
          response.status,
          true,
        );
      return { providerMessageId: id };
    },

    async findByReference(query) {
      const number = normalisePhone(query.to);
      if (!number.ok) throw new SmsError(`not a phone number (${number.reason})`, null, true);
      const from = new Date(Date.parse(query.since) - CLOCK_MARGIN_MS)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
      for (let page = 0; page < MAX_PAGES; page++) {
        const url = new URL('messages', options.apiUrl);
        url.search = new URLSearchParams({
          direction: 'mt',
          recipient: number.e164.slice(1),
          from,
          limit: String(PAGE),
          offset: String(page * PAGE),
        }).toString();
        let response: Response;
        try {
          response = await fetch(url, {
            headers: { authorization: `AccessKey ${options.apiKey}`, accept: 'application/json' },
            signal: AbortSignal.timeout(TIMEOUT_MS),
          });
        } catch (err) {
          throw new SmsError(`MessageBird unreachable: ${(err as Error).message}`, null, false);
        }
        const text = await response.text();
        if (!response.ok)
          throw new SmsError(
            `MessageBird could not list messages (${response.status}): ${describe(text)}`,
            response.status,
            response.status < 500 && response.status !== 408 && response.status !== 429,
          );
        let list: { totalCount?: unknown; items?: unknown };
        try {
          list = JSON.parse(text) as typeof list;
        } catch {
          throw new SmsError('MessageBird answered the message list unreadably', response.status, false);
        }
        if (!Array.isArray(list.items))
          throw new SmsError('MessageBird answered the message list without items', response.status, false);
        const items = list.items as { id?: unknown; reference?: unknown }[];
        const hit = items.find((m) => m.reference === query.reference && typeof m.id === 'string');
        if (hit) return { found: true, providerMessageId: hit.id as string };
        const total = typeof list.totalCount === 'number' ? list.totalCount : Number.NaN;
        if (!(total >= 0))
          throw new SmsError('MessageBird answered the message list without a total', response.status, false);
        if ((page + 1) * PAGE >= total) return { found: false };
      }
      throw new SmsError(
        `more than ${MAX_PAGES * PAGE} messages to this number since ${from}: not searched to the end`,
        null,
        true,
      );
    },
  };
}

function describe(body: string): string {
  try {
    const errors = (JSON.parse(body) as { errors?: MessageBirdError[] }).errors;
    if (Array.isArray(errors) && errors.length > 0)
      return errors
        .map(
          (e) =>
            `${e.description ?? 'error'} (code ${e.code ?? '?'}${e.parameter ? `, ${e.parameter}` : ''})`,
        )
        .join('; ');
  } catch {}
  return body.slice(0, 200) || 'no details';
}
