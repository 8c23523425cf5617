import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { ErrorSummary, Notice, TextArea, TextField } from '../../staff/pages/fields.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import type { MessageKey } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { BrandFormError, BrandFormField, BrandFormValues } from './brand-form.ts';
import { firstProblems } from './describe-problem.ts';

export type BrandRow = { id: string; name: string; appliances: number; hasGuide: boolean };

/** /admin/brands: every brand, how many appliances it has, and whether its type-plate guide is filled in. */
export function BrandListPage({ ctx, brands }: { ctx: PageCtx; brands: BrandRow[] }) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('applianceAdmin.brands')}>
      <p>
        <a href="/admin/appliances">{t('applianceAdmin.back')}</a>
      </p>
      <h1>{t('applianceAdmin.brands')}</h1>
      <p class="hint">{t('applianceAdmin.brandsHint')}</p>
      {brands.length === 0 ? (
        <p>{t('applianceAdmin.noBrands')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('applianceAdmin.field.brandId')}</th>
                <th scope="col">{t('applianceAdmin.title')}</th>
                <th scope="col">{t('applianceAdmin.brand.guide')}</th>
              </tr>
            </thead>
            <tbody>
              {brands.map((b) => (
                <tr key={b.id}>
                  <td>
                    <a href={`/admin/brands/${b.id}`}>{b.name}</a>
                  </td>
                  <td>
                    <a href={`/admin/appliances?${new URLSearchParams({ q: b.name })}`}>{b.appliances}</a>
                  </td>
                  <td>
                    {b.hasGuide
                      ? t('applianceAdmin.brand.guideFilled')
                      : t('applianceAdmin.brand.guideEmpty')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

/** One brand's type-plate guide, as the storefront shows it under "Where do I find my type number?". */
export function BrandFormPage(props: {
  ctx: PageCtx;
  brand: { id: string; name: string };
  values: BrandFormValues;
  errors: BrandFormError[];
  notice?: string | undefined;
}) {
  const { ctx, brand, values } = props;
  const { t } = ctx;
  const title = `${t('applianceAdmin.brand.edit')}: ${brand.name}`;
  const label = (f: BrandFormField) => t(`applianceAdmin.brand.${f}` as MessageKey);
  const problems = firstProblems(t, props.errors);
  const text = (f: Exclude<BrandFormField, 'words'>) => (
    <TextField id={f} label={label(f)} value={values[f]} error={problems.get(f)} maxLength={300} />
  );
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a href="/admin/brands">{t('applianceAdmin.brand.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <ErrorSummary
        title={t('admin.errorSummary')}
        errors={[...problems].map(([id, message]) => ({ id, label: label(id as BrandFormField), message }))}
      />
      <form method="post" action={`/admin/brands/${brand.id}`} class="form" noValidate>
        <CsrfField ctx={ctx} />
        <TextArea
          id="words"
          label={label('words')}
          value={values.words}
          error={problems.get('words')}
          hint={t('applianceAdmin.brand.wordsHint')}
        />
        <fieldset>
          <legend>{t('applianceAdmin.brand.modelField')}</legend>
          <p class="hint">{t('applianceAdmin.brand.modelFieldHint')}</p>
          <div class="row">
            {text('modelFieldNl')}
            {text('modelFieldEn')}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('applianceAdmin.brand.plateVacuum')}</legend>
          <div class="row">
            {text('plateVacuumNl')}
            {text('plateVacuumEn')}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('applianceAdmin.brand.plateCoffee')}</legend>
          <div class="row">
            {text('plateCoffeeNl')}
            {text('plateCoffeeEn')}
          </div>
        </fieldset>
        <p>
          <button type="submit">{t('applianceAdmin.save')}</button>
        </p>
      </form>
    </AdminLayout>
  );
}
