import type { Config, Locale } from '../../config.ts';
import { mailDocument } from '../mail-document.tsx';
import type { RenderedMessage } from '../rendered-message.ts';

/** A staff message as written, in both languages; the gateway picks the customer's language at send time. */
export type StaffMessageData = {
  subjectNl: string;
  subjectEn: string;
  bodyNl: string;
  bodyEn: string;
  broadcastId: string;
};

/** A staff message: the text as written, paragraphs kept, never markup (it is escaped like any text). */
export function staffMessage(data: StaffMessageData, locale: Locale, config: Config): RenderedMessage {
  const subject = locale === 'nl' ? data.subjectNl : data.subjectEn;
  const body = (locale === 'nl' ? data.bodyNl : data.bodyEn).replace(/\r\n/g, '\n');
  const text = `${body.trim()}\n\n${config.shopName}\n`;
  const html = mailDocument(
    locale,
    subject,
    <>
      {body
        .trim()
        .split(/\n{2,}/)
        .map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      <p>{config.shopName}</p>
    </>,
  );
  return { subject, text, html };
}
