// Python's http.server as the lab answers for it, against the bytes the real one sent
// (src/sim/__fixtures__/servers/, recorded by scripts/servers/record.sh: Python 3.12.1 serving a copy
// of python:3.12-slim's `/`; its Date and version read from the recording).
import { describe, expect, it } from 'vitest';
import raw from './__fixtures__/servers/http-server-root.raw?raw';
import stderr from './__fixtures__/servers/http-server.stderr.txt?raw';
import raw404 from './__fixtures__/servers/http-server-404.raw?raw';
import log404 from './__fixtures__/servers/http-server-404.stderr.txt?raw';
import unbuffered from './__fixtures__/servers/http-server-u.stdout.txt?raw';
import {
  accessLogLine,
  httpDate,
  pythonAnswer,
  pythonHttpServer,
  pythonResponse,
  requestLog,
} from './serve-python';
import { MONTHS } from './clock';

/** world.clock of a recorded wall time (the lab's epoch is 2026-11-27 09:00:00 UTC). */
function clockOf(day: number, month: string, hms: string): number {
  const [h = 0, m = 0, s = 0] = hms.split(':').map(Number);
  const days = MONTHS.indexOf(month) === 11 ? day + 3 : day - 27; // Dec d is 3 + d days after Nov 27
  return days * 86400 + (h - 9) * 3600 + m * 60 + s;
}

describe('python3 -m http.server in python:3.12-slim', () => {
  const served = pythonHttpServer(['python3', '-m', 'http.server', '8000']);

  it('answers GET / with the real directory listing, HTTP/1.0 and its headers, byte for byte', () => {
    const date = /Date: \w+, (\d+) (\w+) \d+ ([\d:]+) GMT/.exec(raw);
    const version = /Python\/([\d.]+)/.exec(raw)?.[1] ?? '';
    const http = served?.listener.http;
    expect(date && http).toBeTruthy();
    if (!date || !http) return;
    const clock = clockOf(Number(date[1]), date[2] ?? '', date[3] ?? '');
    expect(httpDate(clock)).toBe(/Date: (.*)\r/.exec(raw)?.[1]);
    expect(pythonResponse(http, version, clock)).toBe(raw);
  });

  it('listens on 8000 on every address by default, as the listing server', () => {
    expect(served?.listener).toMatchObject({ proto: 'tcp', port: 8000, http: { status: 200 } });
    expect(served?.listener.ip).toBeUndefined();
    expect(pythonHttpServer(['python', '-m', 'http.server'])?.listener.port).toBe(8000);
    expect(
      pythonHttpServer(['python3', '-m', 'http.server', '-b', '127.0.0.1', '9000'])?.listener,
    ).toMatchObject({ port: 9000, ip: '127.0.0.1' });
    expect(pythonHttpServer(['python3', 'app.py'])).toBeNull();
  });

  it('prints the "Serving HTTP" line python3 -u writes; only -u marks it unbuffered', () => {
    expect(`${served?.serving ?? ''}\n`).toBe(unbuffered);
    expect(served?.unbuffered).toBe(false);
    expect(pythonHttpServer(['python3', '-u', '-m', 'http.server'])?.unbuffered).toBe(true);
  });

  it('logs a request as log_message() does on stderr', () => {
    const first = stderr.split('\n')[0] ?? '';
    const t = /\[(\d+)\/(\w+)\/\d+ ([\d:]+)\]/.exec(first);
    expect(t).toBeTruthy();
    if (!t) return;
    const clock = clockOf(Number(t[1]), t[2] ?? '', t[3] ?? '');
    expect(accessLogLine('127.0.0.1', clock, '/', 200)).toBe(first);
  });

  it('serves an empty listing for an empty directory of the image (-d /tmp)', () => {
    const body = pythonHttpServer(['python3', '-m', 'http.server', '-d', '/tmp'])?.listener.http
      ?.body;
    expect(body).toBe(raw.slice(raw.indexOf('<!DOCTYPE')).replace(/<li>.*<\/li>\n/g, ''));
  });

  it('answers a name / does not hold with send_error(404), byte for byte, and logs it so', () => {
    const date = /Date: \w+, (\d+) (\w+) \d+ ([\d:]+) GMT/.exec(raw404);
    const version = /Python\/([\d.]+)/.exec(raw404)?.[1] ?? '';
    const http = served?.listener.http;
    if (!date || !http) throw new Error('no date or no server');
    const clock = clockOf(Number(date[1]), date[2] ?? '', date[3] ?? '');
    expect(pythonResponse(pythonAnswer(http, '/nope'), version, clock)).toBe(raw404);
    expect(requestLog('127.0.0.1', clock, '/nope', 404)).toEqual(log404.trimEnd().split('\n'));
    // translate_path drops the query; names / holds (a directory, a symlink, a file) are no 404.
    expect(pythonAnswer(http, '/nope?x=1').status).toBe(404);
    expect(pythonAnswer(http, '/%zz').status).toBe(404);
    for (const p of ['/', '/tmp/', '/bin', '/.dockerenv', '/?q', '/./'])
      expect(pythonAnswer(http, p).status).toBe(200);
  });
});
