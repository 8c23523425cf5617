// Suggest-as-you-type for the lookup box: a progressive enhancement of a plain GET form (the form works
// without this file). Implements the ARIA 1.2 combobox pattern with a listbox popup: arrow keys move through
// suggestions, Enter opens one, Escape closes the list, and a polite live region announces how many there are.
const form = document.querySelector('form[data-lookup-suggest]');
const input = form?.querySelector('input[name="q"]');
if (form && input) {
  const lang = form.dataset.lang === 'en' ? 'en' : 'nl';
  const words =
    lang === 'en'
      ? { count: (n) => `${n} suggestions. Use the up and down arrows to choose.`, label: 'Suggestions' }
      : {
          count: (n) => `${n} suggesties. Gebruik pijltje omhoog en omlaag om te kiezen.`,
          label: 'Suggesties',
        };
  const list = document.createElement('ul');
  list.id = 'lookup-suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', words.label);
  list.className = 'suggestions';
  list.hidden = true;
  const status = document.createElement('p');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  input.after(list);
  form.append(status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  let items = [];
  let active = -1;
  let timer = 0;
  let pending = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index) => {
    active = index;
    for (const [i, li] of [...list.children].entries()) li.setAttribute('aria-selected', String(i === index));
    if (index >= 0) input.setAttribute('aria-activedescendant', `lookup-option-${index}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const open = (index) => {
    const item = items[index];
    if (item) window.location.assign(`/a/${encodeURIComponent(item.id)}`);
  };
  const render = (matches) => {
    items = matches;
    list.replaceChildren(
      ...matches.map((m, i) => {
        const li = document.createElement('li');
        li.id = `lookup-option-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        const strong = document.createElement('strong');
        strong.textContent = `${m.brand} ${m.model}`;
        li.append(strong, ` ${m.name}`);
        li.addEventListener('mousedown', (event) => {
          event.preventDefault();
          open(i);
        });
        return li;
      }),
    );
    list.hidden = matches.length === 0;
    input.setAttribute('aria-expanded', String(matches.length > 0));
    status.textContent = matches.length > 0 ? words.count(matches.length) : '';
    highlight(-1);
  };
  const suggest = async () => {
    const q = input.value.trim();
    if (q.length < 2) return render([]);
    pending?.abort();
    pending = new AbortController();
    try {
      const url = `/api/v1/lookup?limit=6&lang=${lang}&q=${encodeURIComponent(q)}`;
      const response = await fetch(url, { signal: pending.signal, headers: { accept: 'application/json' } });
      if (!response.ok) return render([]);
      const body = await response.json();
      if (input.value.trim() === q) render(body.matches ?? []);
    } catch {
      // aborted by a newer keystroke, or offline: the plain form still works
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      highlight((active + 1) % items.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      open(active);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}
