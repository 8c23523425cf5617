import type { SavedState } from '../../customers/appliances/pages/save-appliance.tsx';
import { Layout } from '../../web/components/layout.tsx';
import type { PageCtx } from '../../web/page-context.ts';
import type { LookupAnswer } from '../lookup-service.ts';
import type { BrandGuideView } from '../save-brand-guides.ts';
import { ApplianceView } from './appliance-view.tsx';
import { LookupBox } from './lookup-box.tsx';
import { RequestForm, type RequestFormState } from './request-form.tsx';

/**
 * The answer to a typed type number: one appliance straight away (with the serial question when needed), a short
 * list to pick from when several fit, or a kind "not found" with the offer to find it by hand.
 */
export function LookupPage({
  ctx,
  answer,
  serial,
  guides,
  request,
  promises,
  mine,
}: {
  ctx: PageCtx;
  /** "Save to my appliances" on a single result: the visitor's saved appliances, null for a guest. */
  mine?: SavedState | undefined;
  /** Delivery promise per appliance id (see matchPromise). */
  promises?: ReadonlyMap<string, string | null>;
  answer: LookupAnswer;
  serial: string;
  guides: BrandGuideView[];
  request?: RequestFormState;
}) {
  const { t } = ctx;
  const { matches } = answer;
  const single = matches.length === 1 || (matches.length > 1 && isClearWinner(answer));
  const guideOf = (brand: string) => guides.find((g) => g.name === brand);
  return (
    <Layout
      ctx={ctx}
      title={t('lookup.title', { query: answer.query })}
      noindex
      scripts={['lookup-suggest.js']}
    >
      <LookupBox ctx={ctx} query={answer.query} />
      {matches.length === 0 ? (
        <section aria-labelledby="none-title">
          <h1 id="none-title">{t('lookup.noneTitle', { query: answer.query })}</h1>
          <p>{t('lookup.noneText')}</p>
          <RequestForm ctx={ctx} state={request ?? { query: answer.query, serial, email: '', errors: {} }} />
        </section>
      ) : single ? (
        <>
          {matches[0]!.match === 'fuzzy' ? <p class="notice">{t('lookup.typo')}</p> : null}
          <ApplianceView
            ctx={ctx}
            match={matches[0]!}
            guide={guideOf(matches[0]!.brand)}
            serial={serial}
            headingLevel={1}
            promise={promises?.get(matches[0]!.id) ?? null}
            mine={mine}
          />
        </>
      ) : (
        <section aria-labelledby="pick-title">
          <h1 id="pick-title">{t('lookup.pick', { count: matches.length })}</h1>
          <ul class="pick-list">
            {matches.map((m) => (
              <li key={m.id}>
                <a href={`/a/${m.id}${serial ? `?serial=${encodeURIComponent(serial)}` : ''}`}>
                  <strong>
                    {m.brand} {m.model}
                  </strong>{' '}
                  <span>{m.name}</span>
                </a>{' '}
                <span class="muted">
                  {t(`lookup.category.${m.category}`)} ·{' '}
                  {m.needsSerial
                    ? t('lookup.serialTitle')
                    : t('lookup.productCount', { count: m.products.length })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

/** One exact (or exact-alias) hit among fuzzier ones is the customer's appliance; no need to make them pick. */
function isClearWinner(answer: LookupAnswer): boolean {
  const exact = answer.matches.filter((m) => m.match === 'exact' || m.match === 'alias');
  return exact.length === 1 && answer.matches[0] === exact[0];
}
