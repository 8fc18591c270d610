// How docker/cli prints objects through --format/-f: the inspector (`inspect -f`: each object's
// line, then every error at the end, a parse error exit 64) and the list formatter (`ps`,
// `network ls`: preFormat, `table` headers through the tabwriter, `json`). Pure.
import type { Ctx } from '../context';
import { tabwrite } from '../tabwriter';
import { goJson } from './inspect';
import { compileTemplate, GoStruct, type TemplateResult } from './template';
import { markTypedInspect } from './template-funcs';

/** A failed --format: Go's text behind the CLI's `template parsing error: `, or the lab's own. */
function formatError(r: Extract<TemplateResult, { ok: false }>): string {
  return r.kind === 'lab' ? `docker: ${r.error}` : `template parsing error: ${r.error}`;
}

/**
 * `docker [network] inspect [-f T] REF…` (cli/command/inspect/inspector.go Inspect): objects that
 * resolve print, one line each (or the indented JSON array); the references' and the template's
 * errors follow on stderr, joined, exit 1. A template that does not parse: exit 64, nothing else.
 */
export function printInspected(
  ctx: Ctx,
  found: readonly ({ ok: true; value: unknown } | { ok: false; error: string })[],
  format: string | undefined,
): number {
  const errors: string[] = [];
  if (format === undefined || format === '') {
    ctx.out(goJson(found.flatMap((f) => (f.ok ? [f.value] : []))));
    for (const f of found) if (!f.ok) errors.push(f.error);
  } else {
    const t = compileTemplate(format);
    if (typeof t !== 'function') {
      if (!t.ok) ctx.err(`${formatError(t)}\n`);
      return t.ok ? 0 : 64;
    }
    let out = '';
    for (const f of found) {
      if (!f.ok) {
        errors.push(f.error);
        continue;
      }
      const r = t(markTypedInspect(JSON.parse(JSON.stringify(f.value)) as unknown));
      if (r.ok) out += `${r.text}\n`;
      else errors.push(formatError(r));
    }
    ctx.out(out);
  }
  if (errors.length > 0) ctx.err(`${errors.join('\n')}\n`);
  return errors.length > 0 ? 1 : 0;
}

/** A list command's rows in the CLI's formatter: the Go type its rows have, header names. */
export interface ListFormat {
  readonly type: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly defaultTable: string;
  readonly quiet: string;
}

/**
 * formatter.Context.Write: `table` is cut and its header row is the template run on the headers
 * (a field without one prints `<no value>`); `json` is `{{json .}}`; spaces trimmed, a typed `\t`
 * or `\n` made real; a custom format beats -q (cli/command/formatter/formatter.go).
 */
export function formatRows(
  spec: ListFormat,
  rows: readonly Readonly<Record<string, unknown>>[],
  o: { readonly format?: string | undefined; readonly quiet: boolean },
): TemplateResult {
  const named = o.format === undefined || o.format === '' || o.format === 'table';
  const format = named ? (o.quiet ? spec.quiet : spec.defaultTable) : (o.format ?? '');
  const table = format.startsWith('table');
  const body = (table ? format.slice('table'.length) : format === 'json' ? '{{json .}}' : format)
    .replace(/^ +| +$/g, '')
    .replaceAll('\\t', '\t')
    .replaceAll('\\n', '\n');
  const t = compileTemplate(body);
  if (typeof t !== 'function') return t.ok ? t : { ...t, error: formatError(t) };
  let text = '';
  for (const row of rows) {
    const r = t(new GoStruct(spec.type, row));
    if (!r.ok) return { ...r, error: formatError(r) };
    text += `${r.text}\n`;
  }
  if (!table) return { ok: true, text };
  // The header row runs on the CLI's header map: a field without a header prints `<no value>`.
  const keys = Object.keys(rows[0] ?? spec.headers);
  const headers = Object.fromEntries(keys.map((k) => [k, spec.headers[k] ?? '<no value>']));
  const head = t(new GoStruct(spec.type, headers));
  const lines = `${head.ok ? head.text : ''}\n${text}`.split('\n').slice(0, -1);
  return { ok: true, text: tabwrite(lines.map((l) => l.split('\t'))) };
}
