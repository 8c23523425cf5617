import { CsrfField } from '../../web/components/csrf-field.tsx';
import type { MessageKey } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { AccountField } from '../account-fields.ts';
import { AdminLayout } from './admin-layout.tsx';
import { ErrorSummary, TextField } from './fields.tsx';

export type AccountErrors = Partial<Record<AccountField, string>>;

const LABEL: Record<AccountField, MessageKey> = {
  name: 'account.name',
  email: 'account.email',
  password: 'account.password',
  repeat: 'account.repeat',
};

/** The setup link's and the invitation's form: name, e-mail (setup only), password twice. */
export function AccountPage(props: {
  ctx: PageCtx;
  title: string;
  intro: string;
  action: string;
  submit: string;
  askEmail: boolean;
  values: { name: string; email: string };
  errors: AccountErrors;
}) {
  const { ctx, errors } = props;
  const { t } = ctx;
  const error = (field: AccountField) =>
    errors[field] ? t(`account.problem.${errors[field]}` as MessageKey) : undefined;
  const listed = (Object.keys(errors) as AccountField[]).map((f) => ({
    id: f,
    label: t(LABEL[f]),
    message: error(f) ?? '',
  }));
  return (
    <AdminLayout ctx={ctx} title={props.title}>
      <h1>{props.title}</h1>
      <ErrorSummary title={t('admin.errorSummary')} errors={listed} />
      <p>{props.intro}</p>
      <form method="post" action={props.action} class="form" noValidate>
        <CsrfField ctx={ctx} />
        <TextField
          id="name"
          label={t('account.name')}
          value={props.values.name}
          required
          autoComplete="name"
          maxLength={200}
          error={error('name')}
        />
        {props.askEmail ? (
          <TextField
            id="email"
            type="email"
            label={t('account.email')}
            value={props.values.email}
            required
            autoComplete="email"
            maxLength={254}
            error={error('email')}
          />
        ) : null}
        <TextField
          id="password"
          type="password"
          label={t('account.password')}
          hint={t('account.passwordHint')}
          required
          autoComplete="new-password"
          maxLength={256}
          error={error('password')}
        />
        <TextField
          id="repeat"
          type="password"
          label={t('account.repeat')}
          required
          autoComplete="new-password"
          maxLength={256}
          error={error('repeat')}
        />
        <p>
          <button type="submit">{props.submit}</button>
        </p>
      </form>
    </AdminLayout>
  );
}
