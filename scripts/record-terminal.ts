// Records what the real tools print for every case of scripts/terminal-cases.ts, on the lab's
// reference host (src/terminal/testing/reference-host.ts) rebuilt in network namespaces from the
// engine's own model, as src/__fixtures__/terminal-corpus.json. Run by scripts/record-terminal.sh
// (root); src/terminal/corpus.test.ts compares the lab with every case. Only namespaces this
// process creates (dnl-<pid>-*) are touched, and they are deleted on every exit path.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { namespacesOf, nodeId, type NodeId } from '../src/sim';
import { iptablesSave } from '../src/sim/netfilter/save';
import { planTopology } from '../kernel/topology';
import {
  deleteNamespacesSync,
  ipBatch,
  nsMust,
  nsRun,
  nsSpawn,
  sysctls,
  NS_PREFIX,
} from '../kernel/netns';
import { corpusWorld, SETUP } from '../src/terminal/testing/corpus-world';
import { CASES } from './terminal-cases';
import { ON_A_TERMINAL, PROXY_STAND_IN } from './record-terminal-py';
import { etcHosts } from '../src/terminal/tools/resolve';
import { HOST } from '../src/terminal/api';
import type { CorpusLine, Where } from '../src/terminal/testing/corpus-world';

const OUT = 'src/__fixtures__/terminal-corpus.json';
/** `record-terminal.sh 'host: ss -tlnp' …` re-records only these cases and keeps the others. */
const only = new Set(process.argv.slice(2));
interface Case extends CorpusLine {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
}
const recorded = new Map<string, Case>(
  only.size === 0
    ? []
    : (JSON.parse(readFileSync(OUT, 'utf8')) as { cases: Case[] }).cases.map((c) => [
        `${c.where}: ${c.line}`,
        c,
      ]),
);
for (const o of only)
  if (!CASES.some((c) => `${c.where}: ${c.line}` === o))
    throw new Error(`record-terminal: no case ${o} in scripts/terminal-cases.ts`);
const world = corpusWorld();
const plan = planTopology(world, NS_PREFIX);
const wanted = new Set<NodeId>([nodeId.host, nodeId.container('c1'), nodeId.container('c2')]);
const spaces = plan.namespaces.filter((p) => wanted.has(p.node));
const nsOf = (id: NodeId): string => plan.nodeNs[id] ?? '';
const models = new Map(namespacesOf(world));
const owned: string[] = [];
const cleanup = () => deleteNamespacesSync(owned);
process.on('SIGINT', () => (cleanup(), process.exit(130)));
process.on('SIGTERM', () => (cleanup(), process.exit(143)));

/**
 * The host's eth0 is a TAP device (as in the reference capture: it prints like a NIC, with no
 * `@ifN` and no link-netnsid), kept up by a process holding it open; the veth pairs get the
 * model's ifindexes on both ends (indexes are per namespace, so they are given explicitly).
 */
function hostLines(lines: readonly string[]): string[] {
  const host = models.get('host');
  const out: string[] = [];
  for (const l of lines) {
    const m = /^link add (\S+) (.*) type veth peer name (\S+) (.*) netns (\S+)$/.exec(l);
    if (!m) {
      out.push(l);
      continue;
    }
    const [, name = '', opts = '', peer = '', peerOpts = '', ns = ''] = m;
    const dev = host?.devices.get(name);
    if (dev?.peer?.ns === 'router') {
      out.push(`tuntap add dev eth0 mode tap`, `link set eth0 ${opts}`);
      continue;
    }
    const idx = dev?.ifindex ?? 0;
    const peerIdx = dev?.peer?.ifindex ?? 0;
    out.push(
      `link add ${name} index ${idx} ${opts} type veth peer name ${peer} index ${peerIdx} ${peerOpts} netns ${ns}`,
    );
  }
  return out;
}

/** Made by main: busybox's applets for the containers' shell, each namespace's /etc/hosts, no DNS. */
const TMP = `/tmp/${NS_PREFIX}rec`;
/** The interpreter itself (not a wrapper script such as pyenv's), so `exec -a` names the process. */
const PYTHON = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
  encoding: 'utf8',
}).trim();
const BB = `${TMP}/busybox`;

/**
 * A case's line as its shell runs it: on the host the interactive bash a learner types into (on a
 * terminal of its own, so bash's messages read as at a prompt: `bash: X: command not found`, not
 * `bash -c`'s `bash: line 1: X: …`; the tools' output still goes to pipes), busybox sh with only
 * busybox's applets on PATH in a container; the hostname of a Docker host or container, and
 * /run/netns hidden so ip prints `link-netnsid N` as it does on a Docker host.
 */
function wrap(where: Where, line: string): string[] {
  const id = world.containers.find((c) => c.name === where)?.id.slice(0, 12);
  const shell =
    where === 'host' ? 'exec python3 -c "$1" "$0"' : `PATH=${BB} exec /bin/busybox sh -c "$0"`;
  // Names from /etc/hosts only: the lookups of route, arp or iptables -L without -n send no DNS
  // query (which would wait on a server, and leave its flow in conntrack).
  const files = `mount --bind ${TMP}/hosts-${where} /etc/hosts; mount --bind ${TMP}/nsswitch.conf /etc/nsswitch.conf`;
  const script = `hostname ${id ?? 'docker-host'}; mount -t tmpfs none /run/netns; ${files}; cd /root; ${shell}`;
  return ['unshare', '--uts', '--', 'sh', '-c', script, line, ON_A_TERMINAL];
}

async function run(where: Where, line: string) {
  const ns = nsOf(where === 'host' ? nodeId.host : nodeId.container(where));
  // IGMP reports the bridge sends on its own keep landing in conntrack; the lab has no IGMP.
  await nsRun(nsOf('host'), ['conntrack', '-D', '-p', '2']);
  await nsRun(nsOf('host'), ['conntrack', '-D', '-f', 'ipv6']);
  const r = await nsRun(ns, wrap(where, line));
  return { stdout: r.stdout, stderr: r.stderr, exit: r.code };
}

async function main(): Promise<void> {
  for (const p of spaces) owned.push(p.ns);
  execFileSync('sh', ['-c', `rm -rf ${TMP}; mkdir -p ${BB} && busybox --install -s ${BB}`]);
  writeFileSync(`${TMP}/nsswitch.conf`, 'hosts: files\nnetworks: files\n');
  for (const w of ['host', 'c1', 'c2'] as const)
    writeFileSync(
      `${TMP}/hosts-${w}`,
      etcHosts(world, w === 'host' ? HOST : { kind: 'container', name: w, attached: false }),
    );
  for (const p of spaces) {
    execFileSync('ip', ['netns', 'add', p.ns]);
    await ipBatch(p.ns, ['link set lo up']);
  }
  const host = spaces.find((p) => p.node === 'host');
  if (!host) throw new Error('no host namespace in the plan');
  // Netnsids as the model numbers them (c1 = 0, c2 = 1 from the host), before the veths would number them.
  for (const d of models.get('host')?.devices.values() ?? [])
    if (d.peer?.netnsid != null)
      await nsMust(host.ns, ['ip', 'netns', 'set', nsOf(d.peer.ns), String(d.peer.netnsid)]);
  await ipBatch(host.ns, hostLines(host.stages[0] ?? []));
  nsSpawn(host.ns, ['python3', '-c', TAP_HOLDER]);
  // A Docker host's eth0 has carrier before any container starts: wait for the TAP's, so the
  // kernel adds its fe80::/64 route (at carrier) before the veths' as on such a host.
  for (let i = 0; i < 100; i++) {
    const link = await nsRun(host.ns, ['ip', 'link', 'show', 'eth0']);
    if (link.stdout.includes('LOWER_UP')) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  // What ss and netstat list on the host: a docker-proxy per published port and address family.
  for (const c of world.containers)
    for (const b of c.bindings)
      for (const addr of b.hostIp ? [b.hostIp] : ['0.0.0.0', '::'])
        nsSpawn(host.ns, [
          'bash',
          '-c',
          `exec -a docker-proxy ${PYTHON} -c "$0" ${addr} ${b.hostPort} ${b.proto}`,
          PROXY_STAND_IN,
        ]);
  for (const p of spaces) if (p !== host) await ipBatch(p.ns, p.stages.flat());
  for (const p of spaces) await sysctls(p.ns, p.sysctls);
  // Docker turns IPv6 off on a container's eth0 (lo keeps ::1), as in the reference capture.
  for (const p of spaces)
    if (p !== host) await sysctls(p.ns, { 'net.ipv6.conf.eth0.disable_ipv6': 1 });
  // The lab's clock stands still between cases; the kernel's does not. Neighbours stay
  // REACHABLE, or in DELAY (where the setup's pings left the containers' entries for the host,
  // and where the lab, a few seconds later, still shows them), and ICMP flows stay tracked for the
  // whole recording (their timers are normalised).
  for (const p of spaces)
    for (const d of p.ifaces)
      await sysctls(p.ns, {
        [`net.ipv4.neigh.${d}.base_reachable_time_ms`]: 3600000,
        [`net.ipv4.neigh.${d}.delay_first_probe_time`]: 3600,
      });
  await nsMust(host.ns, ['iptables-restore'], iptablesSave(world.netfilter));
  await sysctls(host.ns, { 'net.netfilter.nf_conntrack_icmp_timeout': 3600 });
  await new Promise((r) => setTimeout(r, 2500)); // IPv6 DAD: link-local addresses lose `tentative`
  for (const s of SETUP) await run(s.where, s.line);
  const cases = [];
  for (const c of CASES) {
    const kept =
      only.size > 0 && !only.has(`${c.where}: ${c.line}`) && recorded.get(`${c.where}: ${c.line}`);
    cases.push(kept || { where: c.where, line: c.line, ...(await run(c.where, c.line)) });
  }
  const tools = execFileSync(
    'sh',
    ['-c', 'ip -V; iptables -V; conntrack --version; busybox | head -1; uname -r'],
    { encoding: 'utf8' },
  );
  writeFileSync(
    OUT,
    JSON.stringify({ tools: tools.trim().split('\n'), setup: SETUP, cases }, null, 1) + '\n',
  );
  console.log(`record-terminal: ${cases.length} cases -> ${OUT}`);
}

/** Opens eth0 (IFF_TAP | IFF_NO_PI) and keeps it open, so the TAP has carrier; reads and drops. */
const TAP_HOLDER = `
import fcntl, os, struct
fd = os.open('/dev/net/tun', os.O_RDWR)
fcntl.ioctl(fd, 0x400454ca, struct.pack('16sH', b'eth0', 0x0002 | 0x1000))
while True: os.read(fd, 65536)
`;

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => {
    cleanup();
    execFileSync('rm', ['-rf', TMP]);
  });
