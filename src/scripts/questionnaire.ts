// Progressive enhancement for questionnaire pages: autosave on change and "none of these" exclusivity.
// The page works fully without this script (plain form POST per page).

const AUTOSAVE_DELAY_MS = 800;

export function enhanceQuestionnaire(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-autosave]');
  if (!form) return;
  const status = form.querySelector<HTMLElement>('.autosave-status');
  let timer: ReturnType<typeof setTimeout> | undefined;

  const save = async () => {
    if (status) status.textContent = status.dataset.saving ?? '';
    try {
      const body = new URLSearchParams();
      for (const [k, v] of new FormData(form)) if (typeof v === 'string') body.append(k, v);
      const res = await fetch(form.action, {
        method: 'POST',
        body,
        headers: { 'x-autosave': '1' },
        credentials: 'same-origin',
      });
      if (status) {
        const time = new Date().toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' });
        status.textContent = res.ok ? `${status.dataset.saved ?? ''} ${time}` : (status.dataset.failed ?? '');
      }
    } catch {
      if (status) status.textContent = status.dataset.failed ?? '';
    }
  };

  form.addEventListener('change', (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type === 'checkbox' && input.checked) {
      const group = form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${CSS.escape(input.name)}"]`);
      const exclusive = input.dataset.exclusive === 'true';
      for (const other of group) {
        if (other !== input && (exclusive || other.dataset.exclusive === 'true')) other.checked = false;
      }
    }
    clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });
}
