/**
 * The search box above an admin list: a GET form (so results can be bookmarked and paged) with a visually hidden
 * label that doubles as placeholder. `hidden` fields (e.g. the chosen filter) travel along with the query; a
 * `hint` is shown below the form and tied to the box with aria-describedby.
 */
export function AdminSearchForm({
  action,
  id,
  label,
  button,
  query,
  hidden,
  hint,
}: {
  action: string;
  id: string;
  label: string;
  button: string;
  query: string;
  hidden?: Record<string, string>;
  hint?: string;
}) {
  return (
    <>
      <form method="get" action={action} role="search" class="search">
        {Object.entries(hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label for={id} class="sr-only">
          {label}
        </label>
        <input
          id={id}
          type="search"
          name="q"
          value={query}
          maxLength={100}
          placeholder={label}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <button type="submit">{button}</button>
      </form>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </>
  );
}
