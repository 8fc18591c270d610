// For tests: the reference host's real tool outputs, kept unedited in src/__fixtures__ (see its README).
const files = import.meta.glob('../../__fixtures__/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** A captured output by its file name, e.g. `host__ip-addr.txt`. */
export function fixture(name: string): string {
  const text = files[`../../__fixtures__/${name}`];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return text;
}
