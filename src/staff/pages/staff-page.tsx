import { CsrfField } from '../../web/components/csrf-field.tsx';
import type { PageCtx } from '../../web/page-context.ts';
import type { StaffRole } from '../tables.ts';
import { AdminLayout } from './admin-layout.tsx';
import { ErrorSummary, Notice, SelectField, TextField } from './fields.tsx';

export type StaffRow = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  status: 'active' | 'invited' | 'disabled';
};

/** /admin/staff (owner only): everyone, the invite form, and after inviting the link to pass on. */
export function StaffPage(props: {
  ctx: PageCtx;
  staff: StaffRow[];
  invite: { name: string; email: string; role: StaffRole };
  errors: { name?: string; email?: string };
  created?: { email: string; url: string } | undefined;
  notice?: string | undefined;
  noticeIsError?: boolean;
}) {
  const { ctx, errors } = props;
  const { t } = ctx;
  const listed = [
    ...(errors.name ? [{ id: 'invite-name', label: t('staff.nameOptional'), message: errors.name }] : []),
    ...(errors.email ? [{ id: 'invite-email', label: t('account.email'), message: errors.email }] : []),
  ];
  return (
    <AdminLayout ctx={ctx} title={t('staff.title')}>
      <h1>{t('staff.title')}</h1>
      {props.notice ? <Notice error={props.noticeIsError}>{props.notice}</Notice> : null}
      {props.created ? (
        <Notice>
          <p>{t('staff.inviteReady', { email: props.created.email })}</p>
          <p id="invite-link-hint">{t('staff.noMail', { email: props.created.email })}</p>
          <label for="invite-link">{t('staff.inviteLink')}</label>
          <input
            id="invite-link"
            type="url"
            readOnly
            value={props.created.url}
            aria-describedby="invite-link-hint"
          />
        </Notice>
      ) : null}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('account.name')}</th>
              <th scope="col">{t('account.email')}</th>
              <th scope="col">{t('staff.role')}</th>
              <th scope="col">{t('staff.status')}</th>
              <th scope="col">{t('staff.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.staff.map((s) => {
              const who = s.name || s.email;
              return (
                <tr key={s.id}>
                  <td>
                    {s.name} {s.id === ctx.staff?.id ? t('staff.you') : null}
                  </td>
                  <td>{s.email}</td>
                  <td>{t(`admin.role.${s.role}`)}</td>
                  <td>{t(`staff.status.${s.status}`)}</td>
                  <td>
                    <form
                      method="post"
                      action={`/admin/staff/${s.id}/${s.status === 'disabled' ? 'enable' : 'disable'}`}
                    >
                      <CsrfField ctx={ctx} />
                      <button
                        type="submit"
                        class={s.status === 'disabled' ? 'secondary' : 'danger'}
                        aria-label={t(s.status === 'disabled' ? 'staff.enableLabel' : 'staff.disableLabel', {
                          name: who,
                        })}
                      >
                        {t(s.status === 'disabled' ? 'staff.enable' : 'staff.disable')}
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2 id="invite-title">{t('staff.inviteTitle')}</h2>
      <ErrorSummary title={t('admin.errorSummary')} errors={listed} />
      <form method="post" action="/admin/staff/invite" class="form" aria-labelledby="invite-title" noValidate>
        <CsrfField ctx={ctx} />
        <TextField
          id="invite-name"
          name="name"
          label={t('staff.nameOptional')}
          value={props.invite.name}
          maxLength={200}
          error={errors.name}
        />
        <TextField
          id="invite-email"
          name="email"
          type="email"
          label={t('account.email')}
          value={props.invite.email}
          required
          maxLength={254}
          error={errors.email}
        />
        <SelectField
          id="invite-role"
          name="role"
          label={t('staff.role')}
          value={props.invite.role}
          options={[
            { value: 'staff', label: t('admin.role.staff') },
            { value: 'owner', label: t('admin.role.owner') },
          ]}
        />
        <p>
          <button type="submit">{t('staff.inviteSubmit')}</button>
        </p>
      </form>
    </AdminLayout>
  );
}
