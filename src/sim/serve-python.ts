// `python3 -m http.server [-b ADDR] [-d DIR] [PORT]` in the python image: Python's
// SimpleHTTPRequestHandler answering GET / with its directory listing, as recorded from the real
// server (src/sim/__fixtures__/servers/: http.server.SimpleHTTPRequestHandler.list_directory and
// BaseHTTPRequestHandler's HTTP/1.0 headers, Python 3.12).
import { MONTHS, clockTime, two, wallTime, WEEKDAYS } from './clock';
import type { HttpAnswer, Listener } from './types';

/** The image's Python (docker-library/python 3.12/slim-trixie: ENV PYTHON_VERSION 3.12.10). */
export const PYTHON_VERSION = '3.12.10';

/** What a directory holds: a name, and whether it is a directory, a symlink to one, or a file. */
type Entry = readonly [name: string, kind: 'dir' | 'link' | 'file'];

/**
 * python:3.12-slim's directories (Debian's merged /usr: bin, lib, lib64 and sbin are symlinks;
 * Docker adds /.dockerenv). The image sets no WORKDIR, so http.server serves `/`. The empty ones
 * are listed so `-d /tmp` serves an empty listing; anything else is not in the lab.
 */
const DIRS: { readonly [path: string]: readonly Entry[] } = {
  '/': [
    ['.dockerenv', 'file'],
    ...(['bin', 'lib', 'lib64', 'sbin'] as const).map((n): Entry => [n, 'link']),
    ...['boot', 'dev', 'etc', 'home', 'media', 'mnt', 'opt', 'proc', 'root', 'run'].map(
      (n): Entry => [n, 'dir'],
    ),
    ...['srv', 'sys', 'tmp', 'usr', 'var'].map((n): Entry => [n, 'dir']),
  ],
  '/tmp': [],
  '/mnt': [],
  '/media': [],
  '/opt': [],
  '/srv': [],
  '/home': [],
};

const escape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** list_directory()'s page for the URL path `/` of a directory holding `entries`. */
export function listingPage(entries: readonly Entry[]): string {
  const title = 'Directory listing for /';
  const r = [
    '<!DOCTYPE HTML>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>\n</head>`,
    `<body>\n<h1>${title}</h1>`,
    '<hr>\n<ul>',
  ];
  const sorted = [...entries].sort(([a], [b]) =>
    a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0,
  );
  for (const [name, kind] of sorted) {
    // A directory links with "/"; a symlink shows "@" (and, to a directory, still links with "/").
    const link = kind === 'file' ? name : `${name}/`;
    const shown = kind === 'link' ? `${name}@` : link;
    r.push(`<li><a href="${encodeURI(link)}">${escape(shown)}</a></li>`);
  }
  r.push('</ul>\n<hr>\n</body>\n</html>\n');
  return r.join('\n');
}

/** RFC 7231's IMF-fixdate, as email.utils.formatdate(usegmt=True) writes the Date header. */
export function httpDate(clock: number): string {
  const t = wallTime(clock);
  return `${WEEKDAYS[t.weekday]}, ${two(t.day)} ${MONTHS[t.month - 1]} ${t.year} ${clockTime(t)} GMT`;
}

/**
 * BaseHTTPRequestHandler.send_error(404)'s page: DEFAULT_ERROR_MESSAGE with the code, the message
 * do_GET gives ("File not found") and the status's description (HTTPStatus.NOT_FOUND).
 */
export const NOT_FOUND_PAGE = `<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: 404</p>
        <p>Message: File not found.</p>
        <p>Error code explanation: 404 - Nothing matches the given URI.</p>
    </body>
</html>
`;

/** The names a listing page links to: what the served directory holds. */
const listed = (page: string) =>
  [...page.matchAll(/<li><a href="([^"]*)">/g)].map((m) =>
    decodeURI(m[1] ?? '').replace(/\/$/, ''),
  );

/**
 * The answer to GET `path` (a URL path, query and fragment dropped as translate_path does): the
 * listing for `/`, send_error(404) for a name the served directory does not hold. A path into one
 * of its entries is answered as `/` is: what lies inside the image's directories is not in the lab.
 */
export function pythonAnswer(a: HttpAnswer, path: string): HttpAnswer {
  const raw = path.split(/[?#]/)[0] ?? '/';
  let clean = raw;
  try {
    clean = decodeURIComponent(raw);
  } catch {
    // urllib.parse.unquote keeps a malformed %-escape as it is.
  }
  const first = clean.split('/').find((seg) => seg !== '' && seg !== '.');
  if (first === undefined || listed(a.body).includes(first)) return a;
  return { ...a, status: 404, body: NOT_FOUND_PAGE };
}

/** The whole answer on the wire: HTTP/1.0, BaseHTTPRequestHandler's headers in its order. */
export function pythonResponse(a: HttpAnswer, version: string, clock: number): string {
  const bytes = new TextEncoder().encode(a.body).length;
  const head = `Server: SimpleHTTP/0.6 Python/${version}\r\nDate: ${httpDate(clock)}\r\n`;
  // send_error adds Connection: close and writes its Content-Type without the space.
  return a.status === 200
    ? `HTTP/1.0 200 OK\r\n${head}Content-type: text/html; charset=utf-8\r\nContent-Length: ${bytes}\r\n\r\n${a.body}`
    : `HTTP/1.0 ${a.status} File not found\r\n${head}Connection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: ${bytes}\r\n\r\n${a.body}`;
}

/** `[DD/Mon/YYYY HH:MM:SS]`, log_date_time_string()'s stamp (the lab's clock, UTC). */
function logStamp(clock: number): string {
  const t = wallTime(clock);
  return `[${two(t.day)}/${MONTHS[t.month - 1]}/${t.year} ${clockTime(t)}]`;
}

/** log_message()'s line on stderr for one request: `ADDR - - [DD/Mon/YYYY HH:MM:SS] "…" 200 -`. */
export function accessLogLine(client: string, clock: number, path: string, status: number): string {
  return `${client} - - ${logStamp(clock)} "GET ${path} HTTP/1.1" ${status} -`;
}

/** What one request writes on stderr: send_error's log_error line first for an error, then its line. */
export function requestLog(client: string, clock: number, path: string, status: number): string[] {
  const line = accessLogLine(client, clock, path, status);
  return status === 200
    ? [line]
    : [`${client} - - ${logStamp(clock)} code ${status}, message File not found`, line];
}

/** A parsed `python3 -m http.server` command line. */
export interface PythonServer {
  readonly listener: Listener;
  /** Its "Serving HTTP on …" line, which reaches stdout (and docker logs) only if unbuffered. */
  readonly serving: string;
  /** `python3 -u`: stdout unbuffered. */
  readonly unbuffered: boolean;
}

const PYTHONS = /^(\/usr\/local\/bin\/)?python(3(\.12)?)?$/;

/** `python3 [-u] -m http.server [-b ADDR] [-d DIR] [PORT]`, or null for another command. */
export function pythonHttpServer(command: readonly string[]): PythonServer | null {
  if (!PYTHONS.test(command[0] ?? '')) return null;
  let i = 1;
  let unbuffered = false;
  for (; i < command.length && command[i] !== '-m'; i++) {
    if (command[i] === '-u') unbuffered = true;
    else return null;
  }
  if (command[i + 1] !== 'http.server') return null;
  let port = 8000;
  let bind: string | null = null;
  let dir = '/';
  for (let k = i + 2; k < command.length; k++) {
    const a = command[k] ?? '';
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? a.split('=', 2) : [a, undefined];
    if (flag === '-b' || flag === '--bind') bind = inline ?? command[++k] ?? null;
    else if (flag === '-d' || flag === '--directory') dir = inline ?? command[++k] ?? dir;
    else if (/^\d+$/.test(a) && Number(a) < 65536) port = Number(a);
    else return null;
  }
  const path = dir === '.' ? '/' : dir.replace(/\/+$/, '') || '/';
  const entries = Object.hasOwn(DIRS, path) ? DIRS[path] : undefined;
  if (!entries) return null;
  if (bind !== null && !/^\d+\.\d+\.\d+\.\d+$/.test(bind)) return null;
  const host = bind ?? '0.0.0.0';
  const listener: Listener = {
    proto: 'tcp',
    port,
    ...(bind && bind !== '0.0.0.0' ? { ip: bind } : {}),
    http: { status: 200, body: listingPage(entries), python: PYTHON_VERSION },
  };
  return {
    listener,
    serving: `Serving HTTP on ${host} port ${port} (http://${host}:${port}/) ...`,
    unbuffered,
  };
}
