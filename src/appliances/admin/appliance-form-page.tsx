import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { ErrorSummary, Notice, SelectField, TextArea, TextField } from '../../staff/pages/fields.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import type { MessageKey } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { LookupMatch } from '../lookup-matches.ts';
import { APPLIANCE_CATEGORIES } from '../tables.ts';
import type { ApplianceForEdit } from './admin-appliances.ts';
import type { ApplianceFormError, ApplianceFormField, ApplianceFormValues } from './appliance-form.ts';
import { CompatibilitySection, type FitForm, type VariantForm, VariantsSection } from './appliance-parts.tsx';
import { firstProblems } from './describe-problem.ts';
import { StorefrontPreview } from './storefront-preview.tsx';

export type ApplianceFormPageProps = {
  ctx: PageCtx;
  appliance: ApplianceForEdit | null;
  brands: { id: string; name: string }[];
  values: ApplianceFormValues;
  errors: ApplianceFormError[];
  notice?: string | undefined;
  /** The appliance a refused model clashes with, to link to. */
  conflictId?: string | undefined;
  /** Creating on the spot for this request: it is linked once the appliance is saved. */
  requestId?: string | undefined;
  preview?: LookupMatch | null;
  variantForm?: VariantForm | undefined;
  fitForm?: FitForm | undefined;
};

/** Create or edit an appliance; on edit also its variants, the products that fit and what the shop shows. */
export function ApplianceFormPage(props: ApplianceFormPageProps) {
  const { ctx, appliance, values } = props;
  const { t } = ctx;
  const title = appliance
    ? `${t('applianceAdmin.edit')}: ${appliance.brand} ${appliance.model}`
    : t('applianceAdmin.new');
  const label = (f: ApplianceFormField) => t(`applianceAdmin.field.${f}` as MessageKey);
  const problems = firstProblems(t, props.errors);
  const summary = [...problems].map(([id, message]) => ({
    id,
    label: label(id as ApplianceFormField),
    message,
  }));
  if (props.variantForm) {
    const key = props.variantForm.key;
    for (const [field, message] of firstProblems(t, props.variantForm.errors))
      summary.push({
        id: `variant-${key}-${field}`,
        label: t(`applianceAdmin.variant.${field}` as MessageKey),
        message,
      });
  }
  if (props.fitForm) {
    for (const [field, message] of firstProblems(t, props.fitForm.errors))
      summary.push({ id: `fit-${field}`, label: t(`applianceAdmin.fit.${field}` as MessageKey), message });
  }
  const err = (f: ApplianceFormField) => problems.get(f);
  const action = appliance ? `/admin/appliances/${appliance.id}` : '/admin/appliances';
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        {props.requestId ? (
          <a href={`/admin/requests/${props.requestId}`}>{t('applianceAdmin.backToRequest')}</a>
        ) : (
          <a href="/admin/appliances">{t('applianceAdmin.back')}</a>
        )}
      </p>
      <h1>{title}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <ErrorSummary title={t('admin.errorSummary')} errors={summary} />
      {props.conflictId ? (
        <p>
          <a href={`/admin/appliances/${props.conflictId}`}>{t('applianceAdmin.openExisting')}</a>
        </p>
      ) : null}
      <form method="post" action={action} class="form" noValidate>
        <CsrfField ctx={ctx} />
        {props.requestId ? <input type="hidden" name="request" value={props.requestId} /> : null}
        <div class="row">
          <SelectField
            id="brandId"
            label={label('brandId')}
            value={values.brandId}
            error={err('brandId')}
            hint={t('applianceAdmin.brandHint')}
            options={[
              { value: '', label: '—' },
              ...props.brands.map((b) => ({ value: b.id, label: b.name })),
            ]}
          />
          <TextField
            id="newBrand"
            label={label('newBrand')}
            value={values.newBrand}
            error={err('newBrand')}
            maxLength={80}
          />
        </div>
        <TextField
          id="model"
          label={label('model')}
          value={values.model}
          error={err('model')}
          hint={t('applianceAdmin.modelHint')}
          required
          maxLength={100}
          autoComplete="off"
        />
        <TextField id="name" label={label('name')} value={values.name} error={err('name')} maxLength={200} />
        <SelectField
          id="category"
          label={label('category')}
          value={values.category}
          error={err('category')}
          required
          options={APPLIANCE_CATEGORIES.map((c) => ({
            value: c,
            label: t(`applianceAdmin.category.${c}`),
          }))}
        />
        <TextArea
          id="aliases"
          label={label('aliases')}
          value={values.aliases}
          error={err('aliases')}
          hint={t('applianceAdmin.aliasesHint')}
        />
        <TextArea
          id="notes"
          label={label('notes')}
          value={values.notes}
          error={err('notes')}
          maxLength={1000}
        />
        <p>
          <button type="submit">{appliance ? t('applianceAdmin.save') : t('applianceAdmin.create')}</button>
        </p>
      </form>
      {appliance ? (
        <>
          <VariantsSection ctx={ctx} appliance={appliance} form={props.variantForm} />
          <CompatibilitySection ctx={ctx} appliance={appliance} form={props.fitForm} />
          <StorefrontPreview ctx={ctx} match={props.preview ?? null} />
        </>
      ) : null}
    </AdminLayout>
  );
}
