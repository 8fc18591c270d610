// What curl 7.88 adds around a transfer whose body does not go to the terminal: the progress meter
// on stderr, and -w's variables on stdout. Layout from lib/progress.c, checked against curl 7.88.1.

/** curl's max5data: a size or speed in 5 characters. */
function max5(n: number): string {
  if (n < 100000) return String(Math.floor(n)).padStart(5);
  if (n < 10000 * 1024) return `${String(Math.floor(n / 1024)).padStart(4)}k`;
  const m = n / (1024 * 1024);
  return m < 100 ? `${m.toFixed(1).padStart(4)}M` : `${String(Math.floor(m)).padStart(4)}M`;
}

const HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';
const row = (pct: number, size: number, speed: number) =>
  `${String(pct).padStart(3)} ${max5(size)}  ${String(pct).padStart(3)} ${max5(size)}    0     0  ${max5(speed)}      0 --:--:-- --:--:-- --:--:-- ${max5(speed)}`;

/** The meter for `bytes` received in `ms` (0 bytes: a transfer that never started). */
export function progressMeter(bytes: number, ms: number): string {
  const speed = bytes === 0 ? 0 : (bytes * 1000) / Math.max(1, ms);
  const end = bytes === 0 ? row(0, 0, 0) : row(100, bytes, speed);
  return `${HEAD}\r${row(0, 0, 0)}\r${end}\n`;
}

export interface WriteOutVars {
  readonly http_code: number;
  readonly remote_ip: string;
  readonly remote_port: number;
  readonly size_download: number;
  readonly url: string;
}

/** -w FORMAT: %{var}, %%, and the \n \t \r escapes; an unknown variable is reported and dropped. */
export function writeOut(format: string, vars: WriteOutVars): { out: string; err: string } {
  let err = '';
  const out = format.replace(/%%|%\{([a-z_]+)\}|\\[ntr]/g, (m, name: string | undefined) => {
    if (m === '%%') return '%';
    if (m === '\\n') return '\n';
    if (m === '\\t') return '\t';
    if (m === '\\r') return '\r';
    if (name === 'http_code' || name === 'response_code')
      return String(vars.http_code).padStart(3, '0');
    if (name === 'remote_ip') return vars.remote_ip;
    if (name === 'remote_port') return String(vars.remote_port);
    if (name === 'size_download') return String(vars.size_download);
    if (name === 'url' || name === 'url_effective') return vars.url;
    err += `curl: unknown --write-out variable: '${name ?? ''}'\n`;
    return '';
  });
  return { out, err };
}
