// `docker run -d -p 8000:8000 python:3.12-slim python3 -m http.server 8000`, against what the real
// server and curl 7.88.1 did (src/sim/__fixtures__/servers/, recorded by scripts/servers/record.sh with
// Python 3.12.1: the image's 3.12.10 differs only in the version the Server header names).
import { describe, expect, it } from 'vitest';
import curlV from '../sim/__fixtures__/servers/http-server-curl-v.stderr.txt?raw';
import buffered from '../sim/__fixtures__/servers/http-server.stdout.txt?raw';
import unbuffered from '../sim/__fixtures__/servers/http-server-u.stdout.txt?raw';
import raw from '../sim/__fixtures__/servers/http-server-root.raw?raw';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

const RUN = 'docker run -d --name py -p 8000:8000 python:3.12-slim python3 -m http.server 8000';
/** The parts that differ between two runs: the time and the Python patch level. */
const steady = (s: string) =>
  s.replace(/Date: .*? GMT/g, 'Date: D').replace(/Python\/3\.12\.\d+/g, 'Python/3.12.x');

describe('python:3.12-slim serving its directory', () => {
  it('curl gets the real listing of / with the real HTTP/1.0 headers (-v as curl printed them)', () => {
    const term = terminalOn(referenceHost());
    expect(term.run(RUN).exit).toBe(0);
    const r = term.run('curl -v http://127.0.0.1:8000/');
    expect(r.out).toBe(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(steady(r.err)).toBe(steady(curlV.replace('{ [877 bytes data]\n', '')));
    expect(r.err).toContain('< Server: SimpleHTTP/0.6 Python/3.12.10\r\n');
  });

  it('docker logs: nothing without -t (stdout is buffered), the "Serving HTTP" line with -t', () => {
    const term = terminalOn(referenceHost());
    term.run(RUN);
    expect(term.run('docker logs py').out).toBe(buffered);
    term.run('docker run -dt --name pyt -p 8001:8000 python:3.12-slim python3 -m http.server 8000');
    expect(term.run('docker logs pyt').out).toBe(unbuffered);
    term.run('docker run -d --name pyu python:3.12-slim python3 -u -m http.server');
    expect(term.run('docker logs pyu').out).toBe(unbuffered);
  });

  it('is in docker images with its tag; python3 alone reads EOF and exits 0', () => {
    const term = terminalOn(referenceHost());
    expect(term.run('docker images').out).toMatch(/^python +3\.12-slim /m);
    term.run('docker run --name repl python:3.12-slim');
    expect(term.run('docker ps -a --format "{{.Image}} {{.Status}}" -f name=repl').out).toMatch(
      /^python:3\.12-slim Exited \(0\)/,
    );
  });
});
