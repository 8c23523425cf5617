import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { RenderedMessage } from './rendered-message.ts';

export type OutgoingMail = RenderedMessage & { id: string; to: string };

/** Where e-mail goes. SMTP is the one implementation; with no SMTP_URL there is no channel (the development outbox). */
export type MailChannel = {
  /** Delivers one message; resolves with the Message-ID the server accepted, rejects when it was not accepted. */
  send(mail: OutgoingMail): Promise<{ providerMessageId: string }>;
};

const channels = new WeakMap<Config, MailChannel | null>();

/** The configured channel (one transport per config), or null for the development outbox. */
export function mailChannel(config: Config): MailChannel | null {
  if (!channels.has(config))
    channels.set(config, config.smtpUrl ? smtpChannel(config, config.smtpUrl) : null);
  return channels.get(config) ?? null;
}

function smtpChannel(config: Config, url: string): MailChannel {
  const transport: Transporter = nodemailer.createTransport(url, {
    from: config.mailFrom,
    ...(config.dkim ? { dkim: config.dkim } : {}),
  });
  const host = new URL(config.publicUrl).hostname;
  return {
    async send(mail) {
      const info = await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // stable per outbox row: a receiving system can tell a repeat from a new message
        messageId: `<${mail.id}@${host}>`,
      });
      return { providerMessageId: String(info.messageId) };
    },
  };
}
