import { CsrfField } from '../../web/components/csrf-field.tsx';
import { Layout } from '../../web/components/layout.tsx';
import type { MessageKey, Translate } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { NotHonoured } from '../customer-terms.ts';
import { channelName, topicName } from '../ledger-text.ts';
import { TERMS_SCHEMA_PATH } from '../terms-schema.ts';
import { PreferencesNav } from './preferences-nav.tsx';

export type TermsPageProps = {
  ctx: PageCtx;
  /** The last application of terms, shown after applying (?applied=1) and after sign-up. */
  application?: { when: string; via: string; applied: string[]; notHonoured: NotHonoured[] } | null;
  error?: string;
  pasted?: string;
};

/**
 * "My terms": download the preferences as portable customer terms, and apply terms brought from another shop,
 * after which every term this shop could not honour is listed with the reason.
 */
export function TermsPage({ ctx, application, error, pasted }: TermsPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('terms.title')} noindex>
      <PreferencesNav ctx={ctx} current="/account/terms" />
      <h1>{t('terms.title')}</h1>
      {application ? (
        <section class="notice" role="status" aria-labelledby="applied-heading">
          <h2 id="applied-heading">
            {t('terms.appliedAt', { when: application.when, via: application.via })}
          </h2>
          {application.notHonoured.length === 0 ? (
            <p>{t('terms.allHonoured')}</p>
          ) : (
            <>
              <h3>{t('terms.notHonoured')}</h3>
              <ul>
                {application.notHonoured.map((n) => (
                  <li key={`${n.term}:${n.reason}`}>
                    <strong>{termLabel(n.term, t)}</strong>: {t(`terms.reason.${n.reason}` as MessageKey)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {application.applied.length > 0 ? (
            <>
              <h3>{t('terms.applied')}</h3>
              <p>{application.applied.map((a) => termLabel(a, t)).join(', ')}</p>
            </>
          ) : null}
        </section>
      ) : null}
      <p>{t('terms.intro')}</p>
      <p>
        <a class="button" href="/account/terms/download" download>
          {t('terms.download')}
        </a>
      </p>
      <p class="hint">{t('terms.downloadHint')}</p>
      <p>
        <a href={TERMS_SCHEMA_PATH}>{t('terms.schema')}</a>
      </p>

      <h2 id="upload-heading">{t('terms.upload')}</h2>
      <p>{t('terms.uploadIntro')}</p>
      {error ? (
        <p class="notice error" role="alert" id="terms-error">
          {error}
        </p>
      ) : null}
      <form
        method="post"
        action="/account/terms"
        enctype="multipart/form-data"
        class="form"
        aria-labelledby="upload-heading"
      >
        <CsrfField ctx={ctx} />
        <div class="field">
          <label for="terms-file">{t('terms.file')}</label>
          <input id="terms-file" type="file" name="file" accept="application/json,.json" />
        </div>
        <div class="field">
          <label for="terms-text">{t('terms.paste')}</label>
          <textarea
            id="terms-text"
            name="text"
            rows={6}
            spellcheck={false}
            aria-describedby={error ? 'terms-error' : undefined}
            value={pasted ?? ''}
          />
        </div>
        <p>
          <button type="submit" class="button">
            {t('terms.apply')}
          </button>
        </p>
      </form>
    </Layout>
  );
}

/** A term's name for people: "E-mail", "Offers", "Quiet hours", or the term itself when unknown. */
export function termLabel(term: string, t: Translate): string {
  if (term.startsWith('channels.') && term !== 'channels.order')
    return `${t('terms.term.channels')}: ${channelName(term.slice('channels.'.length), t)}`;
  if (term.startsWith('topics.'))
    return `${t('terms.term.topics')}: ${topicName(term.slice('topics.'.length), t)}`;
  const key = `terms.term.${term}` as MessageKey;
  const label = t(key);
  return label === key ? `“${term}”` : label;
}
