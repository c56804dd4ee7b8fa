// Progressive enhancement for questionnaire pages: autosave on change, "none of these" exclusivity, and
// follow-up questions that open in place as soon as the answer they depend on changes.
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

  const revealFollowUps = () => revealInPlace(form);
  revealFollowUps();

  form.addEventListener('change', (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type === 'checkbox' && input.checked) {
      const group = form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${CSS.escape(input.name)}"]`);
      const exclusive = input.dataset.exclusive === 'true';
      for (const other of group) {
        if (other !== input && (exclusive || other.dataset.exclusive === 'true')) other.checked = false;
      }
    }
    revealFollowUps();
    clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });
}

type Condition = { field: string; in: (string | number | boolean)[] };

/** The answer a question's inputs hold now, as the server would store it (only enabled inputs count). */
function currentValues(form: HTMLFormElement, questionId: string): string[] {
  const fieldset = form.querySelector<HTMLFieldSetElement>(`fieldset[data-question="${CSS.escape(questionId)}"]`);
  if (!fieldset || fieldset.disabled) return [];
  return [...fieldset.querySelectorAll<HTMLInputElement>('input')]
    .filter((i) => (i.type === 'radio' || i.type === 'checkbox' ? i.checked : i.value.trim() !== ''))
    .map((i) => i.value);
}

/**
 * Shows (and enables) every follow-up whose condition now holds, hides (and disables, so nothing is
 * sent) those whose condition no longer does, in page order so chains open and close together; keeps
 * the form's list of shown questions in step, as the server replaces exactly those answers.
 */
export function revealInPlace(form: HTMLFormElement): void {
  const shownInput = form.querySelector<HTMLInputElement>('input[name=shown]');
  const shown = new Set((shownInput?.value ?? '').split(',').filter(Boolean));
  for (const fieldset of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-condition]')) {
    const id = fieldset.dataset.question!;
    let condition: Condition;
    try {
      condition = JSON.parse(fieldset.dataset.condition!) as Condition;
    } catch {
      continue;
    }
    const source = condition.field.startsWith('answers.') ? condition.field.slice('answers.'.length) : '';
    const listed = condition.in.map(String);
    const holds = source !== '' && currentValues(form, source).some((v) => listed.includes(v));
    if (holds === !fieldset.hidden) continue;
    fieldset.hidden = !holds;
    fieldset.disabled = !holds;
    if (holds) {
      shown.add(id);
      fieldset.classList.add('is-new');
    } else {
      shown.delete(id);
    }
  }
  if (shownInput) {
    // Page order, as the server wrote it.
    const order = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')].map((f) => f.dataset.question!);
    shownInput.value = order.filter((id) => shown.has(id)).join(',');
  }
}
