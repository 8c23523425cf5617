import type { ComponentChildren } from 'preact';

type Common = { id: string; label: string; error?: string | undefined; hint?: string | undefined };

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Help({ id, error, hint }: { id: string; error?: string | undefined; hint?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A labelled text input whose hint and error are linked with aria-describedby. The field name defaults to the id. */
export function TextField(
  props: Common & {
    name?: string;
    value?: string;
    type?: 'text' | 'email' | 'password' | 'search' | 'url';
    required?: boolean;
    autoComplete?: string;
    maxLength?: number;
    inputMode?: 'decimal' | 'numeric' | 'text';
    readOnly?: boolean;
  },
) {
  const { id, label, error, hint } = props;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={props.name ?? id}
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        required={props.required}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        readOnly={props.readOnly}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
      <Help id={id} error={error} hint={hint} />
    </div>
  );
}

export function TextArea(props: Common & { name?: string; value?: string; maxLength?: number }) {
  const { id, label, error, hint } = props;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        name={props.name ?? id}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint)}
      >
        {props.value ?? ''}
      </textarea>
      <Help id={id} error={error} hint={hint} />
    </div>
  );
}

export function SelectField(
  props: Common & {
    name?: string;
    value?: string;
    options: { value: string; label: string }[];
    required?: boolean;
  },
) {
  const { id, label, error, hint } = props;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        name={props.name ?? id}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Help id={id} error={error} hint={hint} />
    </div>
  );
}

export function CheckField(props: Common & { name?: string; checked: boolean }) {
  const { id, label, error, hint } = props;
  return (
    <div class="field">
      <div class="check">
        <input
          id={id}
          name={props.name ?? id}
          type="checkbox"
          value="on"
          checked={props.checked}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, error, hint)}
        />
        <label for={id}>{label}</label>
      </div>
      <Help id={id} error={error} hint={hint} />
    </div>
  );
}

/**
 * The list of problems at the top of a refused form, each linking to its field. It can take focus, and is
 * announced as an alert, so a screen reader hears at once that the form came back.
 */
export function ErrorSummary({
  title,
  errors,
}: {
  title: string;
  errors: { id: string; label: string; message: string }[];
}) {
  if (errors.length === 0) return null;
  return (
    <div
      class="notice error"
      role="alert"
      tabIndex={-1}
      id="error-summary"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`}>
              {e.label}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A confirmation after an action (e.g. "Saved."), announced politely and focusable. */
export function Notice({ children, error }: { children: ComponentChildren; error?: boolean }) {
  return (
    <div
      class={error ? 'notice error' : 'notice'}
      role={error ? 'alert' : 'status'}
      tabIndex={-1}
      id="notice"
    >
      {children}
    </div>
  );
}
