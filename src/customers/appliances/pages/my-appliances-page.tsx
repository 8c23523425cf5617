import type { LookupAnswer } from '../../../appliances/lookup-service.ts';
import { FittingProducts } from '../../../appliances/pages/fitting-products.tsx';
import { TextField } from '../../../staff/pages/fields.tsx';
import { CsrfField } from '../../../web/components/csrf-field.tsx';
import { Layout } from '../../../web/components/layout.tsx';
import type { PageCtx } from '../../../web/page-context.ts';
import type { MyAppliance } from '../view-my-appliances.ts';

function nameOf(a: MyAppliance): string {
  return a.label ?? `${a.match.brand} ${a.match.model}`;
}

function dateOf(ctx: PageCtx, iso: string): string {
  return new Intl.DateTimeFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: ctx.timeZone,
  }).format(new Date(iso));
}

/** The one-tap reorder: a plain form post, so one tap (or Enter) is all it takes. */
function ReorderButton({ ctx, appliance }: { ctx: PageCtx; appliance: MyAppliance }) {
  return (
    <form method="post" action={`/account/appliances/${appliance.id}/reorder`} class="reorder">
      <CsrfField ctx={ctx} />
      <button type="submit" aria-describedby={`reorder-hint-${appliance.id}`}>
        {ctx.t('myAppliances.reorder')}
        <span class="sr-only">: {nameOf(appliance)}</span>
      </button>
      <p class="hint" id={`reorder-hint-${appliance.id}`}>
        {ctx.t('myAppliances.reorderHint')}
      </p>
    </form>
  );
}

/** What was bought last time, in one line ("2 × Bags, 1 × Filter"). */
function lastBought(ctx: PageCtx, a: MyAppliance): string {
  const first = a.purchases[0];
  if (!first) return ctx.t('myAppliances.nothingBought');
  const items = a.purchases
    .filter((p) => p.orderNumber === first.orderNumber)
    .map((p) => `${p.quantity} × ${p.name}`)
    .join(', ');
  return ctx.t('myAppliances.lastBought', { date: dateOf(ctx, first.at), items });
}

function Muted({ ctx, a }: { ctx: PageCtx; a: MyAppliance }) {
  const { t } = ctx;
  return (
    <p class="muted">
      {a.label ? `${a.match.brand} ${a.match.model} · ` : ''}
      {a.match.name}
      {a.match.variant ? ` · ${t('myAppliances.variant', { variant: a.match.variant })}` : ''}
      {a.serial ? ` · ${t('myAppliances.serial', { serial: a.serial })}` : ''}
    </p>
  );
}

/** /account/appliances: the household's appliances, each with its one-tap reorder, and "add one by hand". */
export function MyAppliancesPage({
  ctx,
  appliances,
  notice,
}: {
  ctx: PageCtx;
  appliances: MyAppliance[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('myAppliances.title')} noindex>
      <h1>{t('myAppliances.title')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>{t('myAppliances.intro')}</p>
      {appliances.length === 0 ? <p>{t('myAppliances.empty')}</p> : null}
      <ul class="my-appliances">
        {appliances.map((a) => (
          <li key={a.id} class="my-appliance">
            <h2 id={`mine-${a.id}`}>
              <a href={`/account/appliances/${a.id}`}>{nameOf(a)}</a>
            </h2>
            <Muted ctx={ctx} a={a} />
            <p>{lastBought(ctx, a)}</p>
            {a.purchases.length > 0 ? (
              <ReorderButton ctx={ctx} appliance={a} />
            ) : (
              <p>
                <a href={`/account/appliances/${a.id}#fits`}>{t('myAppliances.fits')}</a>
                <span class="sr-only">: {nameOf(a)}</span>
              </p>
            )}
          </li>
        ))}
      </ul>
      <AddForm ctx={ctx} query="" serial="" />
      <p>
        <a href="/account/household">{t('myAppliances.household')}</a>
      </p>
    </Layout>
  );
}

function AddForm({ ctx, query, serial }: { ctx: PageCtx; query: string; serial: string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="add-title">
      <h2 id="add-title">{t('myAppliances.add')}</h2>
      <form method="get" action="/account/appliances/add">
        <TextField
          id="q"
          label={t('myAppliances.addModel')}
          value={query}
          required
          maxLength={100}
          autoComplete="off"
        />
        <TextField
          id="serial"
          label={t('myAppliances.addSerial')}
          value={serial}
          maxLength={100}
          autoComplete="off"
          hint={t('myAppliances.addSerialHint')}
        />
        <button type="submit">{t('myAppliances.search')}</button>
      </form>
    </section>
  );
}

/** /account/appliances/add: the lookup's answer to a typed model number, each appliance with a save button. */
export function AddAppliancePage({
  ctx,
  answer,
  serial,
  error,
}: {
  ctx: PageCtx;
  answer: LookupAnswer;
  serial: string;
  error?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('myAppliances.add')} noindex>
      <h1>{t('myAppliances.results', { query: answer.query })}</h1>
      {error ? (
        <p class="notice error" role="alert">
          {error}
        </p>
      ) : null}
      {answer.matches.length === 0 ? (
        <p>{t('myAppliances.noResults', { query: answer.query })}</p>
      ) : (
        <ul class="pick-list">
          {answer.matches.map((m) => (
            <li key={m.id}>
              <strong>
                {m.brand} {m.model}
              </strong>{' '}
              <span>{m.name}</span>
              {m.variant ? (
                <span class="muted"> · {t('myAppliances.variant', { variant: m.variant })}</span>
              ) : null}
              <form method="post" action="/account/appliances" class="inline">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="appliance_id" value={m.id} />
                <input type="hidden" name="serial" value={serial} />
                <input type="hidden" name="source" value="manual" />
                <button type="submit">
                  {t('myAppliances.save')}
                  <span class="sr-only">
                    : {m.brand} {m.model}
                  </span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <AddForm ctx={ctx} query={answer.query} serial={serial} />
      <p>
        <a href="/account/appliances">{t('myAppliances.back')}</a>
      </p>
    </Layout>
  );
}

/** /account/appliances/:id: what fits (with cart buttons), the reorder, what was bought, rename, remove. */
export function MyAppliancePage({
  ctx,
  appliance: a,
  notice,
  values,
  error,
}: {
  ctx: PageCtx;
  appliance: MyAppliance;
  notice?: string | undefined;
  values?: { label: string; serial: string };
  error?: string | undefined;
}) {
  const { t } = ctx;
  const name = nameOf(a);
  return (
    <Layout ctx={ctx} title={name} noindex>
      <h1>{name}</h1>
      <Muted ctx={ctx} a={a} />
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {a.purchases.length > 0 ? (
        <>
          <p>{lastBought(ctx, a)}</p>
          <ReorderButton ctx={ctx} appliance={a} />
        </>
      ) : null}
      <section aria-labelledby="fits">
        <h2 id="fits">{t('myAppliances.fits')}</h2>
        {a.match.needsSerial ? <p>{t('myAppliances.needsSerial')}</p> : null}
        {a.match.products.length === 0 ? (
          a.match.needsSerial ? null : (
            <p>{t('myAppliances.noFits')}</p>
          )
        ) : (
          <FittingProducts ctx={ctx} applianceId={a.applianceId} products={a.match.products} />
        )}
      </section>
      {a.purchases.length > 0 ? (
        <section aria-labelledby="history">
          <h2 id="history">{t('myAppliances.history')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('myAppliances.historyDate')}</th>
                <th scope="col">{t('myAppliances.historyOrder')}</th>
                <th scope="col">{t('myAppliances.historyItem')}</th>
                <th scope="col">{t('myAppliances.historyQuantity')}</th>
              </tr>
            </thead>
            <tbody>
              {a.purchases.map((p) => (
                <tr key={`${p.orderNumber}-${p.sku}`}>
                  <td>{dateOf(ctx, p.at)}</td>
                  <td>{p.orderNumber}</td>
                  <td>{p.name}</td>
                  <td>{p.quantity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section aria-labelledby="edit">
        <h2 id="edit">{t('myAppliances.edit')}</h2>
        {error ? (
          <p class="notice error" role="alert">
            {error}
          </p>
        ) : null}
        <form method="post" action={`/account/appliances/${a.id}`}>
          <CsrfField ctx={ctx} />
          <TextField
            id="label"
            label={t('myAppliances.label')}
            value={values?.label ?? a.label ?? ''}
            maxLength={60}
          />
          <TextField
            id="serial"
            label={t('myAppliances.addSerial')}
            value={values?.serial ?? a.serial ?? ''}
            maxLength={100}
            autoComplete="off"
            hint={t('myAppliances.addSerialHint')}
          />
          <button type="submit">{t('myAppliances.editButton')}</button>
        </form>
      </section>
      <section aria-labelledby="remove">
        <h2 id="remove">{t('myAppliances.remove')}</h2>
        <p>{t('myAppliances.removeHint')}</p>
        <form method="post" action={`/account/appliances/${a.id}/remove`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="secondary">
            {t('myAppliances.remove')}
          </button>
        </form>
      </section>
      <p>
        <a href="/account/appliances">{t('myAppliances.back')}</a>
      </p>
    </Layout>
  );
}
