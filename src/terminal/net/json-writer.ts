// iproute2's json_writer (lib/json_writer.c): `-j` prints compact JSON, `-j -p` its own pretty
// layout (4 spaces a level, `[ {` and `} ]`, arrays of scalars on one line as `[ "A","B" ]`).
// Written from that algorithm: a separator before each element, a new line before each name.

export type Json =
  string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json };

const isObject = (v: Json): v is { readonly [k: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

class Writer {
  out = '';
  depth = 0;
  sep = '';
  constructor(readonly pretty: boolean) {}

  private eor() {
    this.out += this.sep;
    this.sep = ',';
  }
  private eol() {
    if (this.pretty) this.out += `\n${'    '.repeat(this.depth)}`;
  }
  private begin(c: string) {
    this.eor();
    this.out += c;
    this.depth++;
    this.sep = '';
  }
  private end(c: string) {
    this.depth--;
    if (this.sep !== '') this.eol();
    this.out += c;
    this.sep = ',';
  }

  value(v: Json) {
    if (Array.isArray(v)) {
      this.begin('[');
      if (this.pretty) this.out += ' ';
      for (const x of v as readonly Json[]) this.value(x);
      if (this.pretty && this.sep !== '') this.out += ' ';
      this.sep = '';
      this.end(']');
    } else if (isObject(v)) {
      this.begin('{');
      for (const [k, x] of Object.entries(v)) {
        this.eor();
        this.eol();
        this.sep = '';
        this.out += `${JSON.stringify(k)}:${this.pretty ? ' ' : ''}`;
        this.value(x);
      }
      this.end('}');
    } else {
      this.eor();
      this.out += JSON.stringify(v);
    }
  }
}

/** The document as `ip -j` (pretty: `ip -j -p`) prints it, with its final new line. */
export function jsonText(doc: Json, pretty: boolean): string {
  const w = new Writer(pretty);
  w.value(doc);
  return `${w.out}\n`;
}
