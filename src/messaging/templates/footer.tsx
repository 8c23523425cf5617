import { renderToString } from 'preact-render-to-string';
import type { Locale } from '../../config.ts';
import { translator } from '../../web/i18n/messages.ts';
import type { RenderedMessage } from '../rendered-message.ts';

export type FooterLinks = {
  /** The preference centre: in every message, transactional too. */
  preferencesUrl: string;
  /** "Messages we sent you, and why". */
  whyUrl: string;
  /** The one-click unsubscribe page of this message's topic: non-transactional messages only. */
  unsubscribeUrl: string | null;
  /** The unsubscribe link covers several topics (a digest's): it says "these topics". */
  severalTopics?: boolean;
};

/**
 * The footer every e-mail ends with: the preference centre, "why did you get this", and for non-transactional
 * messages the unsubscribe link (the same URL as the List-Unsubscribe header; its GET page asks first).
 * Added to the plain text and before `</body>` of the HTML.
 */
export function withFooter(message: RenderedMessage, locale: Locale, links: FooterLinks): RenderedMessage {
  const t = translator(locale);
  const unsubscribe = t(links.severalTopics ? 'mail.footer.unsubscribeTopics' : 'mail.footer.unsubscribe');
  const text = [
    message.text.replace(/\n*$/, ''),
    '',
    '--',
    `${t('mail.footer.preferences')}: ${links.preferencesUrl}`,
    `${t('mail.footer.why')} ${links.whyUrl}`,
    ...(links.unsubscribeUrl ? [`${unsubscribe}: ${links.unsubscribeUrl}`] : []),
    '',
  ].join('\n');
  const footer = renderToString(
    <footer>
      <hr />
      <p>
        <small>
          <a href={links.preferencesUrl}>{t('mail.footer.preferences')}</a>
          {' · '}
          <a href={links.whyUrl}>{t('mail.footer.why')}</a>
          {links.unsubscribeUrl ? (
            <>
              {' · '}
              <a href={links.unsubscribeUrl}>{unsubscribe}</a>
            </>
          ) : null}
        </small>
      </p>
    </footer>,
  );
  const at = message.html.lastIndexOf('</body>');
  const html =
    at >= 0 ? `${message.html.slice(0, at)}${footer}${message.html.slice(at)}` : `${message.html}${footer}`;
  return { subject: message.subject, text, html };
}
