import { normalisePhone } from './phone-number.ts';
import { SmsError, type SmsProvider } from './sms-provider.ts';

/**
 * The subset of MessageBird's (Bird's) SMS REST API the shop uses: `POST {apiUrl}messages` with
 * `Authorization: AccessKey …` and a JSON body of `originator`, `recipients`, `body`, `reference`,
 * `datacoding`; 201 Created answers the message with its `id`, an error answers
 * `{ "errors": [{ "code", "description", "parameter" }] }` (e.g. 401 code 2 for a wrong key, 422 code 9 for no
 * valid recipient). Written with `fetch`: no SDK needed for one call.
 */
type MessageBirdError = { code?: number; description?: string; parameter?: string | null };

/** How long one call may take before the shop gives up (and the job retries). */
const TIMEOUT_MS = 10_000;

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
