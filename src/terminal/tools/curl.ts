// curl 7.88.1 on the host: body on stdout, -v trace and errors on stderr; the progress meter only when
// -o sends the body elsewhere (curl-meter.ts), options read by curl-options.ts.
import type { Ctx } from '../context';
import { connectFailsAfterMs, lastDrop } from './flow-view';
import { answerHeadLines, sendHttpGet } from './http-get';
import { LIMITS, type PacketTrace } from '../../sim';
import { byteLength, contentType, parseUrl, requestPath, STATUS_TEXT } from './url';
import { curlOptions, type CurlOptions } from './curl-options';
import { progressMeter, writeOut, type WriteOutVars } from './curl-meter';

/** The answer's status line and headers as they crossed the wire, as -v shows them (`< …`). */
function answerHead(packets: readonly PacketTrace[]): string | null {
  const lines = answerHeadLines(packets);
  return lines === null ? null : `${lines.map((l) => `< ${l}\r\n`).join('')}< \r\n`;
}

export function curl(args: readonly string[], ctx: Ctx): number {
  const opts = curlOptions(args);
  if ('error' in opts) {
    ctx.err(opts.error);
    return 2;
  }
  return transfer(opts, ctx);
}

/** After the transfer: the progress meter when the body went to a file, then -w's line. */
function finish(opts: CurlOptions, ctx: Ctx, done: Done): void {
  if (opts.output !== null && !opts.silent) ctx.err(progressMeter(done.bytes, done.ms));
  if (done.error) ctx.err(done.error);
  if (opts.writeOut !== null) {
    const w = writeOut(opts.writeOut, done.vars);
    ctx.out(w.out);
    ctx.err(w.err);
  }
}

interface Done {
  readonly bytes: number;
  readonly ms: number;
  readonly error: string;
  readonly vars: WriteOutVars;
}

function transfer(opts: CurlOptions, ctx: Ctx): number {
  const { verbose, silent, showError, maxTime } = opts;
  const urlText = opts.url;
  const vars = {
    http_code: 0,
    remote_ip: '',
    remote_port: 0,
    size_download: 0,
    url: urlText ?? '',
  };
  const fail = (code: number, msg: string): number => {
    const error = !silent || showError ? `curl: (${code}) ${msg}\n` : '';
    finish(opts, ctx, { bytes: 0, ms: 0, error, vars });
    return code;
  };
  if (urlText === undefined) {
    ctx.err(
      "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    );
    return 2;
  }
  const parsed = parseUrl(urlText);
  if ('error' in parsed) {
    return parsed.error === 'scheme'
      ? fail(1, `Protocol "${parsed.scheme ?? ''}" not supported or disabled in libcurl`)
      : fail(3, 'URL using bad/illegal format or missing URL');
  }
  const path = requestPath(parsed.path, 'curl');
  if (path === null) return fail(3, 'URL using bad/illegal format or missing URL');
  if (path.length > LIMITS.pathChars) {
    ctx.err(`curl: the lab sends URL paths of at most ${LIMITS.pathChars} characters\n`);
    return 3;
  }
  const url = { ...parsed, path };
  const { ip, sim, unanswered } = sendHttpGet(ctx, url, maxTime);
  if (!ip || !sim || unanswered) {
    if (verbose) ctx.err(`* Could not resolve host: ${url.host}\n* Closing connection 0\n`);
    return fail(6, `Could not resolve host: ${url.host}`);
  }
  if (verbose) ctx.err(`*   Trying ${ip}:${url.port}...\n`);
  const r = sim.result;
  if (r.kind === 'connected') {
    if (verbose) {
      const hostHeader = url.explicitPort === null ? url.host : `${url.host}:${url.explicitPort}`;
      ctx.err(`* Connected to ${url.host} (${ip}) port ${url.port} (#0)\n`);
      ctx.err(
        `> GET ${url.path} HTTP/1.1\r\n> Host: ${hostHeader}\r\n> User-Agent: curl/7.88.1\r\n> Accept: */*\r\n> \r\n`,
      );
    }
    if (r.banner !== undefined) {
      // The answer's first line is no HTTP status line: HTTP/0.9, which curl 7.66+ refuses.
      if (verbose) ctx.err('* Received HTTP/0.9 when not allowed\n* Closing connection 0\n');
      return fail(1, 'Received HTTP/0.9 when not allowed');
    }
    if (!r.http) {
      if (verbose) ctx.err('* Empty reply from server\n* Closing connection 0\n');
      return fail(52, 'Empty reply from server');
    }
    const head = r.http.python === undefined ? null : answerHead(sim.packets);
    if (verbose && head !== null) ctx.err(`* HTTP 1.0, assume close after body\n${head}`);
    else if (verbose) {
      ctx.err(
        `< HTTP/1.1 ${r.http.status} ${STATUS_TEXT[r.http.status] ?? ''}\r\n< Content-Type: ${contentType(r.http.body)}\r\n< Content-Length: ${byteLength(r.http.body)}\r\n< Connection: close\r\n< \r\n`,
      );
    }
    if (opts.output === null) ctx.out(r.http.body);
    if (verbose) ctx.err('* Closing connection 0\n');
    const hops = sim.packets.flatMap((p) => p.hops);
    const ms = ((hops[hops.length - 1]?.t ?? 0) - (hops[0]?.t ?? 0)) / 1000;
    const bytes = byteLength(r.http.body);
    finish(opts, ctx, {
      bytes,
      ms,
      error: '',
      vars: {
        ...vars,
        http_code: r.http.status,
        remote_ip: ip,
        remote_port: url.port,
        size_download: bytes,
      },
    });
    return 0;
  }
  const failsAfter = connectFailsAfterMs(r, sim.packets);
  if (maxTime !== null && failsAfter > maxTime * 1000) {
    const ms = Math.round(maxTime * 1000);
    if (verbose)
      ctx.err(`* Connection timed out after ${ms} milliseconds\n* Closing connection 0\n`);
    return fail(28, `Connection timed out after ${ms} milliseconds`);
  }
  const why =
    r.kind === 'refused'
      ? 'Connection refused'
      : r.kind === 'timeout'
        ? 'Connection timed out'
        : lastDrop(sim.packets) === 'arp-failed'
          ? 'No route to host'
          : 'Network is unreachable';
  const ms = failsAfter;
  if (verbose) {
    ctx.err(
      `* connect to ${ip} port ${url.port} failed: ${why}\n* Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Couldn't connect to server\n* Closing connection 0\n`,
    );
  }
  return fail(
    7,
    `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Couldn't connect to server`,
  );
}
