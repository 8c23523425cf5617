import type { Config, Locale } from '../config.ts';
import { mailDocument } from '../messaging/mail-document.tsx';
import type { RenderedMessage } from '../messaging/rendered-message.ts';
import { translator } from '../web/i18n/messages.ts';

export type LookupAnswerData = {
  /** What the customer typed when the shop could not find it. */
  query: string;
  /** The staff member's answer, in their own words. */
  answer: string;
  /** Who answered: a named person, not "the team". */
  staffName: string;
  /** The appliance's page with what fits, when staff linked one; else null. */
  applianceUrl: string | null;
};

/**
 * The answer to "we'll find it for you": the number the customer typed, the staff member's own words with
 * their name under them, and a link to the parts that fit when the appliance was identified.
 */
export function lookupAnswer(data: LookupAnswerData, locale: Locale, config: Config): RenderedMessage {
  const t = translator(locale);
  const shop = config.shopName;
  const subject = t('mail.lookupAnswer.subject', { query: data.query, shop });
  const intro = t('mail.lookupAnswer.intro', { query: data.query });
  const link = t('mail.lookupAnswer.link');
  const signoff = t('mail.lookupAnswer.signoff', { name: data.staffName, shop });
  const text = [
    t('mail.lookupAnswer.greeting'),
    '',
    intro,
    '',
    data.answer,
    '',
    ...(data.applianceUrl ? [`${link}: ${data.applianceUrl}`, ''] : []),
    signoff,
    '',
  ].join('\n');
  const html = mailDocument(
    locale,
    subject,
    <>
      <p>{t('mail.lookupAnswer.greeting')}</p>
      <p>{intro}</p>
      <p style="white-space: pre-line">{data.answer}</p>
      {data.applianceUrl ? (
        <p>
          <a href={data.applianceUrl}>{link}</a>
        </p>
      ) : null}
      <p>{signoff}</p>
    </>,
  );
  return { subject, text, html };
}
