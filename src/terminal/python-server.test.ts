// `docker run -d -p 8000:8000 python:3.12-slim python3 -m http.server 8000`, against what the real
// server and curl 7.88.1 did (src/sim/__fixtures__/servers/, recorded by scripts/servers/record.sh with
// Python 3.12.1: the image's 3.12.10 differs only in the version the Server header names).
import { describe, expect, it } from 'vitest';
import curlV from '../sim/__fixtures__/servers/http-server-curl-v.stderr.txt?raw';
import buffered from '../sim/__fixtures__/servers/http-server.stdout.txt?raw';
import unbuffered from '../sim/__fixtures__/servers/http-server-u.stdout.txt?raw';
import raw from '../sim/__fixtures__/servers/http-server-root.raw?raw';
import raw404 from '../sim/__fixtures__/servers/http-server-404.raw?raw';
import curl404 from '../sim/__fixtures__/servers/http-server-404-curl-v.stderr.txt?raw';
import log404 from '../sim/__fixtures__/servers/http-server-404.stderr.txt?raw';
import { decodeFile, encodeFile } from '../share/codec';
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

describe('python:3.12-slim: a path it does not hold, and its access log', () => {
  it('a path that does not exist gets send_error(404): its page and headers (curl -v)', () => {
    const term = terminalOn(referenceHost());
    term.run(RUN);
    const r = term.run('curl -v http://127.0.0.1:8000/nope');
    expect(r.out).toBe(raw404.slice(raw404.indexOf('\r\n\r\n') + 4));
    expect(steady(r.err)).toBe(steady(curl404.replace('{ [335 bytes data]\n', '')));
    // A name the image's / holds is not a 404.
    expect(term.run('curl -s http://127.0.0.1:8000/tmp/').out).toContain('Directory listing');
  });

  it('docker logs shows each request on stderr, stamped with the lab clock, 404s with their error line', () => {
    const term = terminalOn(referenceHost());
    term.run(RUN);
    const first = term.run('curl -v http://127.0.0.1:8000/');
    const second = term.run('curl -s http://127.0.0.1:8000/nope');
    expect(second.exit).toBe(0);
    const logs = term.run('docker logs py');
    expect(logs.out).toBe(''); // "Serving HTTP" stays in Python's stdout buffer
    // The stamp is the time the Date header gave, as log_date_time_string writes it.
    const date = /< Date: \w+, (\d+) (\w+) (\d+) ([\d:]+) GMT/.exec(first.err);
    expect(date).toBeTruthy();
    const stamp = `[${date?.[1]}/${date?.[2]}/${date?.[3]} ${date?.[4]}]`;
    const lines = logs.err.split('\n');
    // Through docker-proxy the server sees the proxy's connection, from docker0's address.
    expect(lines[0]).toBe(`172.17.0.1 - - ${stamp} "GET / HTTP/1.1" 200 -`);
    // The recorded 404 lines, the address and time aside.
    const shape = (l: string) => l.replace(/^\S+ - - \[[^\]]+\]/, 'A - - [T]');
    expect(lines.slice(1).map(shape)).toEqual([...log404.split('\n').map(shape)]);
  });

  it('with -t both streams are the terminal: the Serving line, then the requests, on stdout', () => {
    const term = terminalOn(referenceHost());
    term.run('docker run -dt --name pyt -p 8001:8000 python:3.12-slim python3 -m http.server 8000');
    term.run('curl -s http://127.0.0.1:8001/');
    const logs = term.run('docker logs pyt');
    expect(logs.err).toBe('');
    expect(logs.out.split('\n').map((l) => l.replace(/\[.*\]/, '[T]'))).toEqual([
      unbuffered.trimEnd(),
      '172.17.0.1 - - [T] "GET / HTTP/1.1" 200 -',
      '',
    ]);
  });

  it('a saved lab keeps the log (file round trip)', () => {
    const term = terminalOn(referenceHost());
    term.run(RUN);
    term.run('curl -s http://127.0.0.1:8000/nope');
    const world = term.store.getState().world;
    const log = world.containers.find((c) => c.name === 'py')?.log;
    expect(log).toHaveLength(2);
    const back = decodeFile(encodeFile({ world }));
    if (!back.ok) throw new Error(back.error);
    expect(back.value.world.containers.find((c) => c.name === 'py')?.log).toEqual(log);
  });
});
