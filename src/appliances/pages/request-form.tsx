import { CsrfField } from '../../web/components/csrf-field.tsx';
import type { MessageKey } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';

export type RequestFormState = {
  query: string;
  serial: string;
  email: string;
  errors: Record<string, string>;
};

/** "We'll find it for you": type number, e-mail and an optional photo of the type plate, to a person in the shop. */
export function RequestForm({ ctx, state }: { ctx: PageCtx; state: RequestFormState }) {
  const { t } = ctx;
  const error = (field: string) =>
    state.errors[field] ? t(`appliances.request.problem.${state.errors[field]}` as MessageKey) : null;
  const fields = Object.keys(state.errors);
  const described = (field: string, hint?: string) =>
    [hint, state.errors[field] ? `ask-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <form
      method="post"
      action="/lookup/requests"
      enctype="multipart/form-data"
      class="form ask"
      aria-labelledby="ask-title"
    >
      <h2 id="ask-title">{t('lookup.askTitle')}</h2>
      {fields.length > 0 ? (
        <div class="notice error" role="alert" tabIndex={-1} id="ask-errors">
          <p>{t('lookup.askFixErrors')}</p>
          <ul>
            {fields.map((f) => (
              <li key={f}>
                <a href={`#ask-${f}`}>{error(f)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <CsrfField ctx={ctx} />
      <div class="field">
        <label for="ask-query">{t('lookup.askQuery')}</label>
        <input
          id="ask-query"
          name="query"
          type="text"
          value={state.query}
          maxLength={100}
          required
          aria-invalid={state.errors.query ? 'true' : undefined}
          aria-describedby={described('query')}
        />
        {error('query') ? (
          <p class="error" id="ask-query-error">
            {error('query')}
          </p>
        ) : null}
      </div>
      <div class="field">
        <label for="ask-serial">{t('lookup.askSerial')}</label>
        <input
          id="ask-serial"
          name="serial"
          type="text"
          value={state.serial}
          maxLength={100}
          aria-invalid={state.errors.serial ? 'true' : undefined}
          aria-describedby={described('serial')}
        />
        {error('serial') ? (
          <p class="error" id="ask-serial-error">
            {error('serial')}
          </p>
        ) : null}
      </div>
      <div class="field">
        <label for="ask-email">{t('lookup.askEmail')}</label>
        <input
          id="ask-email"
          name="email"
          type="email"
          value={state.email}
          maxLength={254}
          autoComplete="email"
          required
          aria-invalid={state.errors.email ? 'true' : undefined}
          aria-describedby={described('email', 'ask-email-hint')}
        />
        <p class="hint" id="ask-email-hint">
          {t('lookup.askEmailHint')}
        </p>
        {error('email') ? (
          <p class="error" id="ask-email-error">
            {error('email')}
          </p>
        ) : null}
      </div>
      <div class="field">
        <label for="ask-photo">{t('lookup.askPhoto')}</label>
        <input
          id="ask-photo"
          name="photo"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/heic"
          aria-invalid={state.errors.photo ? 'true' : undefined}
          aria-describedby={described('photo', 'ask-photo-hint')}
        />
        <p class="hint" id="ask-photo-hint">
          {t('lookup.askPhotoHint')}
        </p>
        {error('photo') ? (
          <p class="error" id="ask-photo-error">
            {error('photo')}
          </p>
        ) : null}
      </div>
      <p>
        <button type="submit">{t('lookup.askButton')}</button>
      </p>
    </form>
  );
}
