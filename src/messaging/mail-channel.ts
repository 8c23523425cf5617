import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { RenderedMessage } from './rendered-message.ts';

export type OutgoingMail = RenderedMessage & {
  id: string;
  to: string;
  /**
   * The RFC 8058 one-click unsubscribe URL of a non-transactional message: sent as
   * `List-Unsubscribe: <url>` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, each on one line.
   */
  unsubscribeUrl?: string | null;
};

/** The SMTP server refused the recipient for good (5xx at RCPT TO or a 550/551/553): suppress the address. */
export class HardBounce extends Error {
  readonly responseCode: number;
  constructor(message: string, responseCode: number) {
    super(message);
    this.name = 'HardBounce';
    this.responseCode = responseCode;
  }
}

/** Where e-mail goes. SMTP is the one implementation; with no SMTP_URL there is no channel (the development outbox). */
export type MailChannel = {
  /**
   * Delivers one message; resolves with the Message-ID the server accepted, rejects when it was not accepted:
   * with `HardBounce` when the address is refused permanently, with another error when trying again may help.
   */
  send(mail: OutgoingMail): Promise<{ providerMessageId: string }>;
};

const channels = new WeakMap<Config, MailChannel | null>();

/** The configured channel (one transport per config), or null for the development outbox. */
export function mailChannel(config: Config): MailChannel | null {
  if (!channels.has(config))
    channels.set(config, config.smtpUrl ? smtpChannel(config, config.smtpUrl) : null);
  return channels.get(config) ?? null;
}

/** The two RFC 8058 headers, as nodemailer must send them: prepared, so that it neither encodes nor folds them. */
export function listUnsubscribeHeaders(url: string): Record<string, { prepared: true; value: string }> {
  return {
    'List-Unsubscribe': { prepared: true, value: `<${url}>` },
    'List-Unsubscribe-Post': { prepared: true, value: 'List-Unsubscribe=One-Click' },
  };
}

function isHardBounce(err: unknown): err is Error & { responseCode: number } {
  const e = err as { responseCode?: unknown; command?: unknown; code?: unknown };
  if (typeof e?.responseCode !== 'number' || e.responseCode < 500 || e.responseCode > 599) return false;
  return (
    e.code === 'EENVELOPE' ||
    e.command === 'RCPT TO' ||
    e.responseCode === 550 ||
    e.responseCode === 551 ||
    e.responseCode === 553
  );
}

function smtpChannel(config: Config, url: string): MailChannel {
  const transport: Transporter = nodemailer.createTransport(url, {
    from: config.mailFrom,
    ...(config.dkim ? { dkim: config.dkim } : {}),
  });
  const host = new URL(config.publicUrl).hostname;
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          // stable per outbox row: a receiving system can tell a repeat from a new message
          messageId: `<${mail.id}@${host}>`,
          ...(mail.unsubscribeUrl ? { headers: listUnsubscribeHeaders(mail.unsubscribeUrl) } : {}),
        });
        return { providerMessageId: String(info.messageId) };
      } catch (err) {
        if (isHardBounce(err)) throw new HardBounce(err.message, err.responseCode);
        throw err;
      }
    },
  };
}
