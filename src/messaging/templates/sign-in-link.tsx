import type { Config, Locale } from '../../config.ts';
import { translator } from '../../web/i18n/messages.ts';
import { mailDocument } from '../mail-document.tsx';
import type { RenderedMessage } from '../rendered-message.ts';

export type SignInLinkData = {
  /** The single-use link (absolute). */
  url: string;
  /** 'sign-in' from the sign-in page, 'keep-appliance' from an order's confirmation page. */
  purpose: 'sign-in' | 'keep-appliance';
  /** How long the link works. */
  minutes: number;
  /** The order a 'keep-appliance' link belongs to. */
  orderNumber: string | null;
};

/**
 * The magic link: one button, how long it works, and that nothing happens when it is ignored. It never says
 * whether the address already has an account (the same mail goes to known and unknown addresses).
 */
export function signInLink(data: SignInLinkData, locale: Locale, config: Config): RenderedMessage {
  const t = translator(locale);
  const shop = config.shopName;
  const keep = data.purpose === 'keep-appliance';
  const subject = keep
    ? t('mail.signInLink.keepSubject', { shop, number: data.orderNumber ?? '' })
    : t('mail.signInLink.subject', { shop });
  const intro = keep
    ? t('mail.signInLink.keepIntro', { shop, number: data.orderNumber ?? '' })
    : t('mail.signInLink.intro', { shop });
  const button = keep ? t('mail.signInLink.keepButton') : t('mail.signInLink.button');
  const expiry = t('mail.signInLink.expiry', { minutes: data.minutes });
  const ignore = t('mail.signInLink.ignore');

  const text = [
    t('mail.signInLink.greeting'),
    '',
    intro,
    '',
    `${button}: ${data.url}`,
    '',
    expiry,
    ignore,
    '',
    t('mail.signInLink.signoff', { shop }),
    '',
  ].join('\n');

  const html = mailDocument(
    locale,
    subject,
    <>
      <p>{t('mail.signInLink.greeting')}</p>
      <p>{intro}</p>
      <p>
        <a href={data.url}>{button}</a>
      </p>
      <p>{expiry}</p>
      <p>{ignore}</p>
      <p>{t('mail.signInLink.signoff', { shop })}</p>
    </>,
  );
  return { subject, text, html };
}
