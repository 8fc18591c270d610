// A scenario step as the line a student would type in the lab's terminal. Pure printing, no parsing.
import type { PortRequest } from '../sim';
import type { Step } from '../scenarios';
import type { SetupAction } from './types';

function portSpec(p: PortRequest): string {
  const host = p.hostPort === null ? '' : `${p.hostPort}:`;
  const ip = p.hostIp === null ? '' : `${p.hostIp}:`;
  const proto = p.proto === 'tcp' ? '' : `/${p.proto}`;
  return `${ip}${p.hostIp !== null && p.hostPort === null ? ':' : ''}${host}${p.containerPort}${proto}`;
}

/** `docker run -d --name web -p 8080:80 nginx`, `sysctl -w net.ipv4.ip_forward=0`, `lab daemon icc=false`… */
export function commandFor(step: Step): string {
  switch (step.op) {
    case 'run': {
      const o = step.opts;
      const flags: string[] = [];
      if (o.detach) flags.push('-d');
      if (o.interactive && o.tty) flags.push('-it');
      else if (o.interactive) flags.push('-i');
      else if (o.tty) flags.push('-t');
      if (o.autoRemove) flags.push('--rm');
      if (o.name !== undefined) flags.push('--name', o.name);
      if (o.network !== undefined) flags.push(`--network=${o.network}`);
      for (const p of o.ports ?? []) flags.push('-p', portSpec(p));
      if (o.publishAll) flags.push('-P');
      return ['docker', 'run', ...flags, o.image, ...(o.command ?? [])].join(' ');
    }
    case 'stop':
      return `docker stop ${step.name}`;
    case 'start':
      return `docker start ${step.name}`;
    case 'rm':
      return `docker rm ${step.force ? '-f ' : ''}${step.name}`;
    case 'network-create': {
      const o = step.opts;
      const flags: string[] = [];
      if (o.driver !== undefined) flags.push('--driver', o.driver);
      if (o.subnet !== undefined) flags.push('--subnet', o.subnet);
      if (o.gateway !== undefined) flags.push('--gateway', o.gateway);
      for (const [k, v] of Object.entries(o.options ?? {})) flags.push('-o', `${k}=${v}`);
      return ['docker', 'network', 'create', ...flags, o.name].join(' ');
    }
    case 'connect':
      return `docker network connect ${step.network} ${step.container}`;
    case 'disconnect':
      return `docker network disconnect ${step.network} ${step.container}`;
    case 'daemon': {
      const kv: string[] = [];
      if (step.patch.icc !== undefined) kv.push(`icc=${step.patch.icc}`);
      if (step.patch.userlandProxy !== undefined)
        kv.push(`userland-proxy=${step.patch.userlandProxy}`);
      if (step.patch.bip !== undefined) kv.push(`bip=${step.patch.bip}`);
      return `lab daemon ${kv.join(' ')}`;
    }
    case 'sysctl':
      return `sysctl -w ${step.key}=${step.value}`;
    case 'remote':
      return ['lab', 'remote', 'add', step.opts.name, step.opts.ip]
        .concat(
          (step.opts.listen ?? []).map((l) => (l.proto === 'tcp' ? `${l.port}` : `${l.port}/udp`)),
        )
        .join(' ');
    case 'router-route':
      return `lab router route add ${step.dst} via ${step.via}`;
    case 'iptables':
      return ['iptables', ...step.args].join(' ');
  }
}

/** A setup action as the line the terminal shows (and runs): a teacher's line is its own. */
export const setupLine = (a: SetupAction): string => ('line' in a ? a.line : commandFor(a.op));
