import type { Config, Locale } from '../../config.ts';
import { mailDocument } from '../../messaging/mail-document.tsx';
import type { RenderedMessage } from '../../messaging/rendered-message.ts';
import { translator } from '../../web/i18n/messages.ts';

export type HouseholdInviteData = {
  /** Who invites, in words: "Anne de Vries (anne@example.nl)" or just the address. */
  inviter: string;
  /** The single-use link to accept or decline. */
  url: string;
  /** How many days the link is good for. */
  days: number;
};

/** The household invitation: who invites, what sharing means, the link and how long it holds. */
export function householdInvite(data: HouseholdInviteData, locale: Locale, config: Config): RenderedMessage {
  const t = translator(locale);
  const shop = config.shopName;
  const subject = t('mail.householdInvite.subject', { inviter: data.inviter, shop });
  const intro = t('mail.householdInvite.intro', { inviter: data.inviter, shop });
  const sharing = t('mail.householdInvite.sharing');
  const expiry = t('mail.householdInvite.expiry', { days: data.days });
  const ignore = t('mail.householdInvite.ignore');
  const text = [
    intro,
    '',
    sharing,
    '',
    `${t('mail.householdInvite.button')}: ${data.url}`,
    '',
    expiry,
    ignore,
    '',
    shop,
    '',
  ].join('\n');
  const html = mailDocument(
    locale,
    subject,
    <>
      <p>{intro}</p>
      <p>{sharing}</p>
      <p>
        <a href={data.url}>{t('mail.householdInvite.button')}</a>
      </p>
      <p>
        {expiry} {ignore}
      </p>
      <p>{shop}</p>
    </>,
  );
  return { subject, text, html };
}
