/** A minimal cookie-keeping client for driving the real server like a browser without JavaScript. */
export class Browserless {
  readonly base: string;
  cookies = new Map<string, string>();
  lastSetCookie: string[] = [];

  constructor(base: string) {
    this.base = base;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response): void {
    this.lastSetCookie = res.headers.getSetCookie();
    for (const line of this.lastSetCookie) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(this.base + path, { redirect: 'manual', headers: { cookie: this.cookieHeader(), ...headers } });
    this.remember(res);
    return res;
  }

  /** A same-origin form POST, as a browser sends it. */
  async post(path: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    const res = await fetch(this.base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: this.base,
        cookie: this.cookieHeader(),
        ...headers,
      },
      body,
    });
    this.remember(res);
    return res;
  }

  async postJson(path: string, data: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(this.base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/json', origin: this.base, cookie: this.cookieHeader(), ...headers },
      body: typeof data === 'string' ? data : JSON.stringify(data),
    });
    this.remember(res);
    return res;
  }
}

export function validTaxCode(first9: string): string {
  const w = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const sum = [...first9].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  const check = 10 - (sum % 11);
  if (check === 10) throw new Error(`no check digit for ${first9}`);
  return first9 + check;
}

/** The first valid tax code at or after these nine digits (about 1 prefix in 11 has no check digit). */
export function taxCodeFrom(first9: string): string {
  for (let n = Number(first9); ; n++) {
    const p = String(n).padStart(9, '0');
    try {
      return validTaxCode(p);
    } catch {
      // no check digit for this prefix: try the next one
    }
  }
}

/** The token of a registry preview page (the confirm form's hidden field). */
export function previewToken(html: string): string | null {
  return /name="token" value="([0-9a-f]{32})"/.exec(html)?.[1] ?? null;
}

/**
 * The registry import's two steps, as a person does them: upload (checked and previewed, nothing written), then
 * confirm with the preview's token. `confirm` is null when the preview offers nothing to import.
 */
export async function importRegistry(
  c: Browserless,
  file: string | Uint8Array,
  filename = 'registry.csv',
): Promise<{ preview: Response; previewHtml: string; confirm: Response | null; confirmHtml: string }> {
  const form = new FormData();
  form.append('file', new Blob([file as BlobPart]), filename);
  const preview = await fetch(`${c.base}/admin/registry`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: c.base, cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: form,
  });
  const previewHtml = await preview.text();
  const token = previewToken(previewHtml);
  if (!token) return { preview, previewHtml, confirm: null, confirmHtml: '' };
  const confirm = await c.post('/admin/registry', { token });
  return { preview, previewHtml, confirm, confirmHtml: await confirm.text() };
}

/**
 * A business registered through the form (password "mat-khau-cua-hang") in `communeCode`, with one submitted
 * assessment of the default questionnaire (a small trade shop, nothing answered); its id and result page.
 */
export async function businessWithResult(
  base: string,
  communeCode: string,
  first9: string,
  name: string,
  email: string,
): Promise<{ id: number; result: string }> {
  const c = new Browserless(base);
  const reg = await c.post('/register', {
    taxCode: taxCodeFrom(first9),
    name,
    communeCode,
    login: email,
    password: 'mat-khau-cua-hang',
    consent: 'yes',
  });
  const id = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
  await c.post(`/businesses/${id}/assessment`, {});
  await c.post(`/businesses/${id}/assessment/profile`, {
    sector: 'G',
    producerType: 'enterprise',
    employees: '3',
    revenueMillion: '',
    capitalMillion: '',
    communeCode,
  });
  const submitted = await c.post(`/businesses/${id}/assessment/review`, {});
  if (submitted.status !== 303) throw new Error(`the assessment of ${name} was not submitted: ${submitted.status}`);
  return { id, result: submitted.headers.get('location')! };
}
