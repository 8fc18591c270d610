// The lab's own commands: change the world around the Docker host (uplink, remotes, router, daemon).
import { own } from '../own';
import { profileNamed, type Listener } from '../../sim';
import type { Ctx } from '../context';
import { curl } from '../tools/curl';
import { nc } from '../tools/nc';
import { ping } from '../tools/ping';
import { wget } from '../tools/wget';

const CLIENTS = { curl, nc, ping, wget } as const;

export const LAB_USAGE = `usage:
  lab host eth0 ADDR/PREFIX [via GW]        readdress the host's uplink (and its gateway)
  lab remote add NAME IP [PORT[/PROTO]...]  a machine beyond the router, listening on ports
  lab remote rm NAME                        remove it
  lab router route add CIDR via IP          a static route on the upstream router
  lab profile 27|29                         a new world: Docker 27.5.1 (20.10-27 rules) or 29.0.4
  lab daemon icc=true|false userland-proxy=true|false   restart dockerd with these options
  lab daemon bip=ADDRESS/PREFIX             restart dockerd with docker0 readdressed (stops containers)
  lab reset                                 a new world with the current profile
  lab from REMOTE curl|ping|nc|wget ARGS... run a client on a remote machine (client, server…)
`;

function listeners(specs: readonly string[]): Listener[] | string {
  const out: Listener[] = [];
  for (const s of specs) {
    const m = /^(\d{1,5})(?:\/(tcp|udp))?$/.exec(s);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > 65535) return `invalid port: ${s}`;
    const port = Number(m[1]);
    const proto = (m[2] ?? 'tcp') as 'tcp' | 'udp';
    out.push(
      proto === 'tcp'
        ? { proto, port, http: { status: 200, body: `Hello from ${port}\n` } }
        : { proto, port },
    );
  }
  return out;
}

export function lab(args: readonly string[], ctx: Ctx): number {
  const fail = (msg: string): number => {
    ctx.err(`lab: ${msg}\n`);
    return 1;
  };
  const report = (r: { ok: boolean; error?: { message: string } }): number =>
    r.ok ? 0 : fail(r.error?.message ?? 'failed');
  const [what, ...rest] = args;
  switch (what) {
    case 'host': {
      const [dev, addr, via, gw] = rest;
      if (
        dev !== 'eth0' ||
        addr === undefined ||
        (via !== undefined && (via !== 'via' || gw === undefined))
      )
        return fail(LAB_USAGE);
      return report(ctx.api.setHostAddress(addr, ...(gw === undefined ? [] : [gw])));
    }
    case 'remote': {
      const [verb, name, ip, ...ports] = rest;
      if (verb === 'add' && name !== undefined && ip !== undefined) {
        const listen = listeners(ports);
        if (typeof listen === 'string') return fail(listen);
        return report(ctx.api.addRemote({ name, ip, listen }));
      }
      if ((verb === 'rm' || verb === 'remove') && name !== undefined)
        return report(ctx.api.removeRemote(name));
      return fail(LAB_USAGE);
    }
    case 'router': {
      const [r, add, dst, via, gw] = rest;
      if (r !== 'route' || add !== 'add' || dst === undefined || via !== 'via' || gw === undefined)
        return fail(LAB_USAGE);
      return report(ctx.api.addRouterRoute(dst, gw));
    }
    case 'profile': {
      const p = rest[0];
      const profile = profileNamed(p);
      if (!profile) return fail(LAB_USAGE);
      ctx.api.resetWorld({ profile });
      return 0;
    }
    case 'daemon': {
      const patch: { icc?: boolean; userlandProxy?: boolean; bip?: string } = {};
      for (const kv of rest) {
        const bip = /^bip=(.+)$/.exec(kv);
        const m = /^(icc|userland-proxy)=(true|false)$/.exec(kv);
        if (bip?.[1] !== undefined) patch.bip = bip[1];
        else if (!m)
          return fail(
            `invalid daemon option: ${kv} (want icc=true|false, userland-proxy=true|false or bip=ADDRESS/PREFIX)`,
          );
        else if (m[1] === 'icc') patch.icc = m[2] === 'true';
        else patch.userlandProxy = m[2] === 'true';
      }
      if (rest.length === 0) return fail(LAB_USAGE);
      return report(ctx.api.setDaemonOptions(patch));
    }
    case 'from': {
      const [name, tool, ...toolArgs] = rest;
      const remote = ctx.api.world().remotes.find((r) => r.name === name);
      if (!remote) return fail(`no such remote: ${name ?? ''}`);
      const run = own(CLIENTS, tool);
      if (!run) return fail(LAB_USAGE);
      return run(toolArgs, { ...ctx, source: { kind: 'remote', name: remote.name } });
    }
    case 'reset':
      ctx.api.resetWorld({ profile: ctx.api.world().profile });
      return 0;
    default:
      ctx.out(LAB_USAGE);
      return what === undefined || what === 'help' ? 0 : 1;
  }
}
