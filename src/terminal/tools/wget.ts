// wget: busybox 1.35 in containers, GNU wget 1.21 on the host, as a terminal shows them. Sends one flow.
import type { Ctx } from '../context';
import { lastDrop } from './flow-view';
import { flowSource, resolveName } from './resolve';
import { byteLength, contentType, parseUrl, STATUS_TEXT } from './url';
import { clockDate } from '../docker/time';

function busyboxBar(name: string, size: number): string {
  return `\r${name.padEnd(20)} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

export function wget(args: readonly string[], ctx: Ctx): number {
  const busybox = ctx.where.kind === 'container';
  let toStdout = false;
  let urlText: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-O-' || (a === '-O' && args[i + 1] === '-')) {
      toStdout = true;
      if (a === '-O') i++;
    } else if (a === '-q' || a === '-O') {
      if (a === '-O') i++;
    } else if (a.startsWith('-')) {
      ctx.err(
        busybox
          ? `wget: unrecognized option '${a}'\n`
          : `wget: unrecognized option '${a}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`,
      );
      return busybox ? 1 : 2;
    } else urlText = a;
  }
  if (urlText === undefined) {
    ctx.err(
      busybox
        ? 'BusyBox v1.35.0 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n'
        : "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n",
    );
    return busybox ? 1 : 1;
  }
  const url = parseUrl(urlText.includes('://') ? urlText : `http://${urlText}`);
  if ('error' in url) {
    ctx.err(
      busybox ? `wget: not an http or ftp url: ${urlText}\n` : `${urlText}: Unsupported scheme.\n`,
    );
    return 1;
  }
  const world = ctx.api.world();
  const ip = resolveName(world, ctx.where, url.host);
  const shown = url.explicitPort === null ? url.host : `${url.host}:${url.explicitPort}`;
  const full = `http://${shown}${url.path}`;
  const date = clockDate(world.clock).replace('T', ' ').slice(0, 19);
  if (!ip) {
    if (busybox) ctx.err(`wget: bad address '${url.host}'\n`);
    else
      ctx.err(
        `--${date}--  ${full}\nResolving ${url.host} (${url.host})... failed: Name or service not known.\nwget: unable to resolve host address ‘${url.host}’\n`,
      );
    return busybox ? 1 : 4;
  }
  if (busybox) ctx.err(`Connecting to ${shown} (${ip}:${url.port})\n`);
  else ctx.err(`--${date}--  ${full}\nConnecting to ${shown}... `);
  const sim = ctx.api.sendFlow({
    from: ctx.source ?? flowSource(world, ctx.where),
    to: ip,
    kind: 'http',
    port: url.port,
    path: url.path,
  });
  const r = sim.result;
  if (r.kind === 'connected' && r.http) {
    const body = r.http.body;
    const size = byteLength(body);
    const name = toStdout ? '-' : 'index.html';
    if (busybox) {
      ctx.err(toStdout ? 'writing to stdout\n' : "saving to 'index.html'\n");
      if (toStdout) ctx.out(body);
      ctx.err(busyboxBar(name, size));
      ctx.err(toStdout ? 'written to stdout\n' : "'index.html' saved\n");
      return 0;
    }
    ctx.err(
      `connected.\nHTTP request sent, awaiting response... ${r.http.status} ${STATUS_TEXT[r.http.status] ?? ''}\nLength: ${size} [${contentType(body)}]\nSaving to: ‘${toStdout ? 'STDOUT' : 'index.html'}’\n\n`,
    );
    if (toStdout) ctx.out(body);
    ctx.err(
      `\r${name.padEnd(19)} 100%[===================>] ${String(size).padStart(7)}  --.-KB/s    in 0s      \n\n${date} (1.00 MB/s) - ${toStdout ? 'written to stdout' : '‘index.html’ saved'} [${size}/${size}]\n\n`,
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
    ctx.err(`wget: can't connect to remote host (${ip}): ${why}\n`);
    return 1;
  }
  ctx.err(`failed: ${why}.\n`);
  return 4;
}
