import type { ComponentChildren } from 'preact';
import type { Locale } from '../../config.ts';
import type { Translate } from '../../web/i18n/messages.ts';
import { mailDocument } from '../mail-document.tsx';
import type { RenderedMessage } from '../rendered-message.ts';

/**
 * The frame every e-mail about one order shares, in HTML and plain text alike: the greeting by name, the
 * template's own news (`text` lines and `html`, the same content), the signed link to the order page and the
 * sign-off. Each part is separated by an empty line in the plain text.
 */
export function orderMail(
  locale: Locale,
  t: Translate,
  frame: { subject: string; name: string; orderUrl: string; signoff: string },
  body: { text: string[]; html: ComponentChildren },
): RenderedMessage {
  const greeting = t('mail.orderConfirmation.greeting', { name: frame.name });
  const link = t('mail.orderConfirmation.link');
  const text = [greeting, '', ...body.text, '', `${link}: ${frame.orderUrl}`, '', frame.signoff, ''].join(
    '\n',
  );
  const html = mailDocument(
    locale,
    frame.subject,
    <>
      <p>{greeting}</p>
      {body.html}
      <p>
        <a href={frame.orderUrl}>{link}</a>
      </p>
      <p>{frame.signoff}</p>
    </>,
  );
  return { subject: frame.subject, text, html };
}
