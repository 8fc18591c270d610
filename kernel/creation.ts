// The creation story's commands typed into a real kernel: `npx tsx kernel/creation.ts` (root).
// For each profile and userland-proxy setting, a host namespace gets the container's bridge with
// its gateway address, a process sleeps in a fresh namespace (the container's), and every command
// creationSteps prints runs verbatim in the host namespace, `docker inspect` answering that
// process's PID. Then the kernel's view must be the engine's: eth0's MAC and address, the default
// route, the host end on the bridge and up (hairpin as dockerd sets it), and a ping across.
// Namespaces are dnl-<pid>-*; the container is named so too, since the story names its namespace
// after the container.
import { execFileSync, spawn } from 'node:child_process';
import type { Profile } from '../src/sim';
import { creationSteps } from '../src/sim';
import { createAppStore } from '../src/store';

const tag = `dnl-${process.pid}`;

function sh(cmd: string): string {
  return execFileSync('sh', ['-c', cmd], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

interface Check {
  readonly what: string;
  readonly ok: boolean;
  readonly got?: unknown;
}

async function one(profile: Profile, proxy: boolean, userNet: boolean): Promise<Check[]> {
  const name = `${tag}-c`;
  const host = `${tag}-h`;
  const sleeper = `${tag}-s`;
  const s = createAppStore();
  const run = (l: string) => s.getState().runCommand(l);
  run(`lab profile ${profile}`);
  if (!proxy) run('lab daemon userland-proxy=false');
  run('docker run -d --name other nginx');
  if (userNet) run('docker network create mynet');
  run(`docker run -d --name ${name}${userNet ? ' --network mynet' : ''} nginx`);
  const world = s.getState().world;
  const steps = creationSteps(world, name);
  const c = world.containers.find((x) => x.name === name);
  const ep = c?.endpoints[0];
  const net = world.networks.find((n) => n.id === ep?.networkId);
  if (!steps || !ep || !net?.bridge) throw new Error('no story to tell');
  const b = net.bridge;
  const cmds = steps.flatMap((x) => x.commands);
  sh(`ip netns add ${host} && ip netns add ${sleeper}`);
  const sleep = spawn('ip', ['netns', 'exec', sleeper, 'sleep', '60'], { stdio: 'ignore' });
  try {
    // The host: the bridge dockerd made for this network, with its gateway address, up.
    sh(
      `ip -n ${host} link add ${b.device} type bridge && ` +
        `ip -n ${host} addr add ${b.gateway}/${b.subnet.prefix} dev ${b.device} && ` +
        `ip -n ${host} link set ${b.device} up && ip -n ${host} link set lo up`,
    );
    await new Promise((r) => setTimeout(r, 200));
    // `ip netns exec` execs its command: the child is the sleeping process itself.
    const pid = String(sleep.pid ?? 0);
    // Verbatim, as a root shell on the host would run them; `docker inspect` gives the PID. The
    // kernel's view is read in the same shell: `ip netns exec` keeps the name attach made in its
    // own mount namespace.
    const script = [
      'set -e',
      `docker() { echo ${pid}; }`,
      ...cmds,
      'echo @@',
      `ip -n ${name} -j addr show dev eth0`,
      'echo @@',
      `ip -n ${name} -j route show default`,
      'echo @@',
      `ip -j -d link show dev ${ep.hostVeth}`,
      'echo @@',
      `ip -n ${name} -j link show dev lo`,
      'echo @@',
      `if ping -c 1 -W 2 ${ep.ip} >/dev/null; then echo true; else echo false; fi`,
      `ip netns delete ${name}`,
    ].join('\n');
    const out = execFileSync('ip', ['netns', 'exec', host, 'sh', '-c', script], {
      encoding: 'utf8',
    }).split('@@\n');
    const [, addrText = '', routeText = '', linkText = '', loText = '', pingText = ''] = out;
    const addr = JSON.parse(addrText) as {
      address: string;
      addr_info: { family: string; local: string; prefixlen: number }[];
    }[];
    const v4 = addr[0]?.addr_info.find((a) => a.family === 'inet');
    const routes = JSON.parse(routeText) as { gateway: string }[];
    const link = JSON.parse(linkText) as {
      master?: string;
      operstate: string;
      linkinfo?: { info_slave_data?: { hairpin?: boolean } };
    }[];
    const lo = JSON.parse(loText) as { flags: string[] }[];
    const ping = pingText.trim() === 'true';
    return [
      { what: 'eth0 MAC', ok: addr[0]?.address === ep.mac, got: addr[0]?.address },
      { what: 'eth0 address', ok: v4?.local === ep.ip && v4.prefixlen === ep.prefix, got: v4 },
      { what: 'default route', ok: routes[0]?.gateway === ep.gateway, got: routes },
      { what: 'host end on the bridge', ok: link[0]?.master === b.device, got: link[0]?.master },
      { what: 'host end up', ok: link[0]?.operstate !== 'DOWN', got: link[0]?.operstate },
      {
        what: 'hairpin as dockerd sets it',
        ok: (link[0]?.linkinfo?.info_slave_data?.hairpin ?? false) === !proxy,
        got: link[0]?.linkinfo?.info_slave_data,
      },
      { what: 'lo up', ok: lo[0]?.flags.includes('UP') === true, got: lo[0]?.flags },
      { what: 'host pings the container', ok: ping },
    ];
  } finally {
    sleep.kill();
    for (const ns of [name, sleeper, host]) {
      try {
        sh(`ip netns del ${ns}`);
      } catch {
        // not made: an earlier command failed
      }
    }
  }
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) {
    console.log('kernel/creation: skipped (not root: network namespaces need CAP_SYS_ADMIN)');
    return;
  }
  let failed = 0;
  for (const profile of ['docker-27', 'docker-29'] as const) {
    for (const proxy of [true, false]) {
      for (const userNet of [false, true]) {
        const label = `${profile}, userland-proxy=${proxy}, ${userNet ? 'user network' : 'docker0'}`;
        const checks = await one(profile, proxy, userNet);
        for (const c of checks) {
          if (!c.ok) failed++;
          console.log(
            `${c.ok ? 'ok  ' : 'FAIL'} ${label}: ${c.what}${c.ok ? '' : ` (${JSON.stringify(c.got)})`}`,
          );
        }
      }
    }
  }
  if (failed > 0) {
    console.log(`kernel/creation: ${failed} checks failed`);
    process.exitCode = 1;
  } else console.log('kernel/creation: the story’s commands build what the engine says');
}

void main();
