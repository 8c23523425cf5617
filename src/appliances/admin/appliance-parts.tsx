import { SelectField, TextField } from '../../staff/pages/fields.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import type { PageCtx } from '../../web/page-context.ts';
import type { ApplianceForEdit, ApplianceVariantView } from './admin-appliances.ts';
import { firstProblems } from './describe-problem.ts';
import type { FitError, FitValues } from './edit-compatibility.ts';
import type { VariantError, VariantValues } from './save-variant.ts';

/** A refused variant form: `key` is the variant's id, or 'new' for the add form. */
export type VariantForm = { key: string; values: VariantValues; errors: VariantError[] };
export type FitForm = { values: FitValues; errors: FitError[] };

/** The appliance's production series: each editable and deletable in place, and a form to add one. */
export function VariantsSection({
  ctx,
  appliance,
  form,
}: {
  ctx: PageCtx;
  appliance: ApplianceForEdit;
  form?: VariantForm | undefined;
}) {
  const { t } = ctx;
  const base = `/admin/appliances/${appliance.id}/variants`;
  return (
    <section aria-labelledby="variants-title">
      <h2 id="variants-title">{t('applianceAdmin.variants')}</h2>
      <p class="hint">{t('applianceAdmin.variantsHint')}</p>
      {appliance.variants.length === 0 ? <p>{t('applianceAdmin.noVariants')}</p> : null}
      {appliance.variants.length > 0 ? (
        <ul class="grid">
          {appliance.variants.map((v) => (
            <li key={v.id} class="card">
              <VariantFields
                ctx={ctx}
                action={`${base}/${v.id}`}
                idPrefix={`variant-${v.id}`}
                values={form?.key === v.id ? form.values : v}
                errors={form?.key === v.id ? form.errors : []}
                submit={t('applianceAdmin.variant.save')}
                submitLabel={t('applianceAdmin.variant.saveLabel', { label: v.label })}
              />
              <form method="post" action={`${base}/${v.id}/delete`}>
                <CsrfField ctx={ctx} />
                <button
                  type="submit"
                  class="danger"
                  aria-label={t('applianceAdmin.variant.deleteLabel', { label: v.label })}
                >
                  {t('applianceAdmin.delete')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      <h3 id="variant-new-title">{t('applianceAdmin.variant.add')}</h3>
      <VariantFields
        ctx={ctx}
        action={base}
        idPrefix="variant-new"
        values={form?.key === 'new' ? form.values : { label: '', serialFrom: '', serialTo: '', notes: '' }}
        errors={form?.key === 'new' ? form.errors : []}
        submit={t('applianceAdmin.variant.add')}
      />
    </section>
  );
}

function VariantFields(props: {
  ctx: PageCtx;
  action: string;
  idPrefix: string;
  values: VariantValues | ApplianceVariantView;
  errors: VariantError[];
  submit: string;
  submitLabel?: string;
}) {
  const { t } = props.ctx;
  const problems = firstProblems(props.ctx.t, props.errors);
  const field = (name: keyof VariantValues, maxLength: number, hint?: string) => (
    <TextField
      id={`${props.idPrefix}-${name}`}
      name={name}
      label={t(`applianceAdmin.variant.${name}`)}
      value={props.values[name]}
      error={problems.get(name)}
      maxLength={maxLength}
      hint={hint}
    />
  );
  return (
    <form method="post" action={props.action} class="form" noValidate>
      <CsrfField ctx={props.ctx} />
      {field('label', 80)}
      <div class="row">
        {field('serialFrom', 64, t('applianceAdmin.variant.openHint'))}
        {field('serialTo', 64, t('applianceAdmin.variant.openHint'))}
      </div>
      {field('notes', 1000)}
      <button type="submit" class="secondary" aria-label={props.submitLabel}>
        {props.submit}
      </button>
    </form>
  );
}

/** The products that fit (the whole appliance or one variant), each removable, and a form to add one by SKU. */
export function CompatibilitySection({
  ctx,
  appliance,
  form,
}: {
  ctx: PageCtx;
  appliance: ApplianceForEdit;
  form?: FitForm | undefined;
}) {
  const { t } = ctx;
  const base = `/admin/appliances/${appliance.id}/fits`;
  const variantLabel = new Map(appliance.variants.map((v) => [v.id, v.label]));
  const values = form?.values ?? { sku: '', note: '', variantId: '' };
  const problems = firstProblems(t, form?.errors ?? []);
  return (
    <section aria-labelledby="fits-title">
      <h2 id="fits-title">{t('applianceAdmin.fits')}</h2>
      {appliance.fits.length === 0 ? (
        <p>{t('applianceAdmin.noFits')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('applianceAdmin.fit.sku')}</th>
                <th scope="col">{t('applianceAdmin.fit.product')}</th>
                <th scope="col">{t('applianceAdmin.fit.variantId')}</th>
                <th scope="col">{t('applianceAdmin.fit.note')}</th>
                <th scope="col">
                  <span class="sr-only">{t('applianceAdmin.fit.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {appliance.fits.map((f) => (
                <tr key={f.id}>
                  <td>
                    <a href={`/admin/products/${f.productId}`}>{f.sku}</a>
                  </td>
                  <td>
                    {f.productName}
                    {f.active ? null : <span class="muted"> ({t('applianceAdmin.fit.hidden')})</span>}
                  </td>
                  <td>
                    {f.variantId
                      ? (variantLabel.get(f.variantId) ?? '')
                      : t('applianceAdmin.fit.allVariants')}
                  </td>
                  <td>{f.note}</td>
                  <td>
                    <form method="post" action={`${base}/${f.id}/delete`}>
                      <CsrfField ctx={ctx} />
                      <button
                        type="submit"
                        class="danger"
                        aria-label={t('applianceAdmin.fit.removeLabel', { sku: f.sku })}
                      >
                        {t('applianceAdmin.fit.remove')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('applianceAdmin.fit.add')}</h3>
      <form method="post" action={base} class="form" noValidate>
        <CsrfField ctx={ctx} />
        <div class="row">
          <TextField
            id="fit-sku"
            name="sku"
            label={t('applianceAdmin.fit.sku')}
            value={values.sku}
            error={problems.get('sku')}
            required
            maxLength={64}
            autoComplete="off"
          />
          <SelectField
            id="fit-variantId"
            name="variantId"
            label={t('applianceAdmin.fit.variantId')}
            value={values.variantId}
            error={problems.get('variantId')}
            options={[
              { value: '', label: t('applianceAdmin.fit.allVariants') },
              ...appliance.variants.map((v) => ({ value: v.id, label: v.label })),
            ]}
          />
        </div>
        <TextField
          id="fit-note"
          name="note"
          label={t('applianceAdmin.fit.note')}
          value={values.note}
          error={problems.get('note')}
          hint={t('applianceAdmin.fit.noteHint')}
          maxLength={200}
        />
        <button type="submit">{t('applianceAdmin.fit.add')}</button>
      </form>
    </section>
  );
}
