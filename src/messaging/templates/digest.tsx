import type { Config, Locale } from '../../config.ts';
import { translator } from '../../web/i18n/messages.ts';
import { mailDocument } from '../mail-document.tsx';
import type { RenderedMessage } from '../rendered-message.ts';

/** One message the digest carries: its topic, its subject and a short summary; the whole text is on the site. */
export type DigestItem = { id: string; topic: string; subject: string; summary: string };

export type DigestData = { items: DigestItem[] };

type Key = Parameters<ReturnType<typeof translator>>[0];

/**
 * The digest e-mail: the messages kept for the customer (over their limit), grouped by topic in the order they
 * came, each with its summary and a link to the whole message on "messages we sent you, and why".
 */
export function digest(data: DigestData, locale: Locale, config: Config): RenderedMessage {
  const t = translator(locale);
  const shop = config.shopName;
  const count = data.items.length;
  const subject =
    count === 1
      ? t('mail.digest.subjectOne', { shop })
      : t('mail.digest.subject', { shop, count: String(count) });
  const link = (id: string) => `${config.publicUrl}/account/messages#m-${id}`;
  const all = `${config.publicUrl}/account/messages`;
  const groups: { topic: string; name: string; items: DigestItem[] }[] = [];
  for (const item of data.items) {
    let group = groups.find((g) => g.topic === item.topic);
    if (!group) {
      group = { topic: item.topic, name: t(`gateway.topic.${item.topic}` as Key), items: [] };
      groups.push(group);
    }
    group.items.push(item);
  }

  const text = [
    t('mail.digest.intro'),
    '',
    ...groups.flatMap((g) => [
      `== ${g.name} ==`,
      '',
      ...g.items.flatMap((i) => [
        i.subject,
        ...(i.summary ? [i.summary] : []),
        `${t('mail.digest.read')}: ${link(i.id)}`,
        '',
      ]),
    ]),
    `${t('mail.digest.all')}: ${all}`,
    '',
  ].join('\n');

  const html = mailDocument(
    locale,
    subject,
    <>
      <p>{t('mail.digest.intro')}</p>
      {groups.map((g) => (
        <section key={g.topic}>
          <h2>{g.name}</h2>
          {g.items.map((i) => (
            <article key={i.id}>
              <h3>{i.subject}</h3>
              {i.summary ? <p>{i.summary}</p> : null}
              <p>
                <a href={link(i.id)}>{t('mail.digest.read')}</a>
              </p>
            </article>
          ))}
        </section>
      ))}
      <p>
        <a href={all}>{t('mail.digest.all')}</a>
      </p>
    </>,
  );
  return { subject, text, html };
}
