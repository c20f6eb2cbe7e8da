/**
 * Escaping by construction: the `html` tag escapes every interpolated value unless it is already `Html`
 * (built by this tag). Questions, code, reasons and names come from LLMs and users, so nothing reaches a
 * page unescaped by accident.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === null || part === undefined || part === false) return '';
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i] as Part) + strings[i + 1]!;
  return new Html(out);
}

/** A URL path with its query, each value percent-encoded (the result still goes through `html` escaping). */
export function href(pathname: string, query: Record<string, string | number | undefined> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${pathname}?${s}` : pathname;
}

export function samplePath(id: string): string {
  return `/samples/${encodeURIComponent(id)}`;
}

export function imagePath(hash: string): string {
  return `/images/${hash}.png`;
}
