// wget: busybox 1.35 in containers, GNU wget 1.21 on the host, as a terminal shows them. Sends one flow.
import type { Ctx } from '../context';
import { lastDrop } from './flow-view';
import { answerHeadLines, sendHttpGet } from './http-get';
import { LIMITS, parseIPv4 } from '../../sim';
import { byteLength, contentType, parseUrl, requestPath, STATUS_TEXT } from './url';
import { clockDate } from '../docker/time';

function busyboxBar(name: string, size: number): string {
  return `\r${name.padEnd(20)} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

/** busybox 1.35's wget --help, which it prints after any option error (Debian's build). */
const BUSYBOX_USAGE =
  "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] URL...\n\nRetrieve files via HTTP or FTP\n\n\t--spider\tOnly check URL existence: $? is 0 if exists\n\t--header STR\tAdd STR (of form 'header: value') to headers\n\t--post-data STR\tSend STR using POST method\n\t--post-file FILE\tSend FILE using POST method\n\t--no-check-certificate\tDon't validate the server's certificate\n\t-c\t\tContinue retrieval of aborted transfer\n\t-q\t\tQuiet\n\t-P DIR\t\tSave to DIR (default .)\n\t-S    \t\tShow server response\n\t-O FILE\t\tSave to FILE ('-' for stdout)\n\t-o LOGFILE\tLog messages to FILE\n\t-U STR\t\tUse STR for User-Agent header\n\t-Y on/off\tUse proxy\n";
const GNU_TRY = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";

interface WgetOptions {
  readonly quiet: boolean;
  /** -O FILE: '-' is stdout; null saves to index.html. */
  readonly output: string | null;
  readonly url: string | undefined;
}

/**
 * getopt as both wgets read their words: bundled short options (-qO-, -qO -), --quiet and
 * --output-document[=FILE]. Null when an option is wrong (the message is written).
 */
function wgetOptions(args: readonly string[], ctx: Ctx, busybox: boolean): WgetOptions | null {
  const bad = (line: string): null => {
    ctx.err(`wget: ${line}\n${busybox ? BUSYBOX_USAGE : GNU_TRY}`);
    return null;
  };
  let quiet = false;
  let output: string | null = null;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--quiet') quiet = true;
    else if (a.startsWith('--output-document')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined) return bad("option '--output-document' requires an argument");
      output = v;
    } else if (a.startsWith('--')) return bad(`unrecognized option '${a}'`);
    else if (a.startsWith('-') && a !== '-') {
      for (let k = 1; k < a.length; k++) {
        const c = a[k] ?? '';
        if (c === 'q') quiet = true;
        else if (c === 'O') {
          const v = a.slice(k + 1) || args[++i];
          if (v === undefined) return bad("option requires an argument -- 'O'");
          output = v;
          break;
        } else return bad(`invalid option -- '${c}'`);
      }
    } else url = a;
  }
  return { quiet, output, url };
}

export function wget(args: readonly string[], ctx: Ctx): number {
  const busybox = ctx.where.kind === 'container';
  const opts = wgetOptions(args, ctx, busybox);
  if (!opts) return busybox ? 1 : 2;
  const toStdout = opts.output === '-';
  const urlText = opts.url;
  // -q: busybox keeps its error lines, GNU wget says nothing at all (only the exit status).
  const say = (text: string) => {
    if (!opts.quiet) ctx.err(text);
  };
  const fail = (text: string) => {
    if (busybox || !opts.quiet) ctx.err(text);
  };
  if (urlText === undefined) {
    ctx.err(busybox ? BUSYBOX_USAGE : `wget: missing URL\n${GNU_TRY}`);
    return 1;
  }
  const parsed = parseUrl(urlText.includes('://') ? urlText : `http://${urlText}`);
  if ('error' in parsed) {
    fail(
      busybox ? `wget: not an http or ftp url: ${urlText}\n` : `${urlText}: Unsupported scheme.\n`,
    );
    return 1;
  }
  const url = {
    ...parsed,
    path: requestPath(parsed.path, busybox ? 'busybox-wget' : 'gnu-wget') ?? '/',
  };
  if (url.path.length > LIMITS.pathChars) {
    ctx.err(`wget: the lab sends URL paths of at most ${LIMITS.pathChars} characters\n`);
    return 1;
  }
  const world = ctx.api.world();
  // A query nobody answered fails as an unknown name does (glibc: EAI_AGAIN), before "Connecting to".
  const { ip, sim, unanswered } = sendHttpGet(ctx, url);
  const shown = url.explicitPort === null ? url.host : `${url.host}:${url.explicitPort}`;
  const full = `http://${shown}${url.path}`;
  const date = clockDate(world.clock).replace('T', ' ').slice(0, 19);
  if (!ip || !sim || unanswered) {
    const failure = unanswered
      ? 'Temporary failure in name resolution'
      : 'Name or service not known';
    if (busybox) fail(`wget: bad address '${url.host}'\n`);
    else
      fail(
        `--${date}--  ${full}\nResolving ${url.host} (${url.host})... failed: ${failure}.\nwget: unable to resolve host address ‘${url.host}’\n`,
      );
    return busybox ? 1 : 4;
  }
  if (busybox) say(`Connecting to ${shown} (${ip}:${url.port})\n`);
  else {
    // GNU wget (connect.c): an address as given prints `ADDR:PORT`; a name it resolved prints
    // the answer first, then `NAME (NAME)|ADDR|:PORT`.
    const literal = parseIPv4(url.host).ok;
    say(
      literal
        ? `--${date}--  ${full}\nConnecting to ${ip}:${url.port}... `
        : `--${date}--  ${full}\nResolving ${url.host} (${url.host})... ${ip}\nConnecting to ${url.host} (${url.host})|${ip}|:${url.port}... `,
    );
  }
  const r = sim.result;
  if (busybox && r.kind === 'connected' && r.banner !== undefined) {
    // busybox wget reads the status code after the first word of the first line (atoi: 0 here)
    // and gives up on anything it does not know, quoting the line without its CR LF.
    fail(`wget: server returned error: ${r.banner.trimEnd()}\n`);
    return 1;
  }
  if (r.kind === 'connected' && r.http && r.http.status >= 400) {
    // An error status (recorded against python's http.server): busybox dies quoting the status
    // line, GNU wget logs `ERROR N: REASON.` under the response line and exits 8 (server error).
    const { status } = r.http;
    const line =
      answerHeadLines(sim.packets)?.[0] ?? `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ''}`;
    if (busybox) {
      fail(`wget: server returned error: ${line}\n`);
      return 1;
    }
    const reason = line.split(' ').slice(2).join(' ');
    say(
      `connected.\nHTTP request sent, awaiting response... ${status} ${reason}\n${date} ERROR ${status}: ${reason}.\n\n`,
    );
    return 8;
  }
  if (r.kind === 'connected' && r.http) {
    const body = r.http.body;
    const size = byteLength(body);
    const file = opts.output ?? 'index.html';
    const name = toStdout ? '-' : file;
    if (busybox) {
      say(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
      if (toStdout) ctx.out(body);
      say(busyboxBar(name, size));
      say(toStdout ? 'written to stdout\n' : `'${file}' saved\n`);
      return 0;
    }
    say(
      `connected.\nHTTP request sent, awaiting response... ${r.http.status} ${STATUS_TEXT[r.http.status] ?? ''}\nLength: ${size} [${contentType(body)}]\nSaving to: ‘${toStdout ? 'STDOUT' : file}’\n\n`,
    );
    if (toStdout) ctx.out(body);
    say(
      `\r${name.padEnd(19)} 100%[===================>] ${String(size).padStart(7)}  --.-KB/s    in 0s      \n\n${date} (1.00 MB/s) - ${toStdout ? 'written to stdout' : `‘${file}’ saved`} [${size}/${size}]\n\n`,
    );
    return 0;
  }
  const why =
    r.kind === 'refused'
      ? 'Connection refused'
      : r.kind === 'timeout'
        ? 'Connection timed out'
        : r.kind === 'connected'
          ? 'Connection reset by peer'
          : lastDrop(sim.packets) === 'arp-failed'
            ? 'No route to host'
            : 'Network is unreachable';
  if (busybox) {
    fail(`wget: can't connect to remote host (${ip}): ${why}\n`);
    return 1;
  }
  fail(`failed: ${why}.\n`);
  return 4;
}
