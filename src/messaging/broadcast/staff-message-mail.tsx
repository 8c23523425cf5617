import type { Config, Locale } from '../../config.ts';
import type { BroadcastTable } from '../../replenishment/tables.ts';
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

/**
 * What a staff message's row in `gateway_messages` stores: only the broadcast's id. The text is stored once, on
 * the broadcast (a million copies of it would make the send slow and the database big), and read back when the
 * message is rendered (`storedMessageData`). Rows written before this carry the whole `StaffMessageData`.
 */
export type StaffMessageRef = { broadcastId: string };

/** The template data of a stored broadcast. */
export function staffMessageData(
  b: Pick<BroadcastTable, 'id' | 'subject_nl' | 'subject_en' | 'body_nl' | 'body_en'>,
): StaffMessageData {
  return {
    subjectNl: b.subject_nl,
    subjectEn: b.subject_en,
    bodyNl: b.body_nl,
    bodyEn: b.body_en,
    broadcastId: b.id,
  };
}

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
