// The <option> list of a long filter select as one HTML text, built once per list. The dashboard's commune filter
// holds every commune of the province (3 000 at the benchmark's scale); rendering that many elements through
// Astro's template machinery took about 25 ms of a worker's first dashboard page and 8 ms of every later one
// (docs/architecture.md). The list is kept per object the caller names (the dashboard's commune map, which the
// dashboard's cache keeps for as long as the answer it belongs to), so a new list is never served stale.

export type FilterOption = { value: string; label: string };

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const built = new WeakMap<object, string>();

/**
 * `<option>` elements for `options()` (called once per `key`), with `selected` marked when it is one of them.
 */
export function optionsHtml(key: object, options: () => readonly FilterOption[], selected?: string | null): string {
  let html = built.get(key);
  if (html === undefined) {
    html = options()
      .map((o) => `<option value="${escapeHtml(o.value)}">${escapeHtml(o.label)}</option>`)
      .join('');
    built.set(key, html);
  }
  if (!selected) return html;
  const plain = `<option value="${escapeHtml(selected)}">`;
  // A function, so that "$&" and the like in a value are not read as replacement patterns.
  return html.replace(plain, () => `<option value="${escapeHtml(selected)}" selected>`);
}
