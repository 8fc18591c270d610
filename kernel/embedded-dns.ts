// Docker's embedded DNS inside a container's namespace, lab against kernel: the nat rules the lab
// shows (`nsenter -t PID -n iptables -t nat -S`, src/sim/netfilter/embedded-dns.ts) are inserted
// into a namespace of ours as moby's setupIptablesNAT inserts them, and the real iptables must list
// them as the lab does; then kernel/dns.py stands in for dockerd's resolver on 127.0.0.11 at the
// rules' UDP port, and busybox nslookup asking 127.0.0.11:53 must print what the lab's nslookup
// prints in that container: the query only reaches the resolver through DOCKER_OUTPUT's DNAT, and
// busybox only takes the answer from :53, which conntrack's reverse of the DNAT restores. tcpdump on
// the namespace's lo meanwhile must show what the lab's `nsenter -t PID -n tcpdump -n -i lo` shows
// after the same lookup (the query DNATed to the resolver's port, the answer from :53; `loLines`
// blanks ports and ids and sorts). About 2.5 s.
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { embeddedDnsPorts } from '../src/sim/netfilter/embedded-dns';
import { DNS_RECORDS } from '../src/sim/internet';
import { createAppStore } from '../src/store';
import { loLines } from '../src/terminal/testing/embedded-lo';
import { createNs, NS_PREFIX, nsMust, nsRun, nsSpawn } from './netns';

const DNS_PY = fileURLToPath(new URL('./dns.py', import.meta.url));

/** What the lab's terminal prints on stdout for `line`. */
function labOut(store: ReturnType<typeof createAppStore>, line: string): string {
  return store
    .getState()
    .runCommand(line)
    .chunks.filter((c) => c.stream === 'stdout')
    .map((c) => c.text)
    .join('');
}

export async function embeddedDnsCase(
  python: string,
): Promise<{ ok: boolean; summary: string; details: string[] }> {
  const store = createAppStore();
  for (const line of [
    'docker network create app',
    'docker run -d --name cli --network app busybox sleep 3600',
  ])
    store.getState().runCommand(line);
  const cli = store.getState().world.containers.find((c) => c.name === 'cli');
  if (!cli) throw new Error('embedded-dns: no container cli in the lab');
  const { udp, tcp } = embeddedDnsPorts(cli);
  const pid = labOut(store, "docker inspect -f '{{.State.Pid}}' cli").trim();
  const labRules = labOut(store, `nsenter -t ${pid} -n iptables -t nat -S`);
  const labLookup = labOut(store, 'docker exec cli nslookup example.com');
  const labLo = loLines(labOut(store, `nsenter -t ${pid} -n tcpdump -n -i lo`));

  const ns = `${NS_PREFIX}edns`;
  const details: string[] = [];
  await createNs(ns);
  const server = nsSpawn(ns, [
    python,
    DNS_PY,
    '127.0.0.11',
    String(udp),
    JSON.stringify(DNS_RECORDS),
    '600',
  ]);
  try {
    const d = '-d 127.0.0.11';
    // moby: -N both chains, -I the jumps, then -I each rule in the order udp DNAT, udp SNAT,
    // tcp DNAT, tcp SNAT (each at the head of its chain).
    await nsMust(
      ns,
      ['iptables-restore'],
      [
        '*nat',
        '-N DOCKER_OUTPUT',
        '-N DOCKER_POSTROUTING',
        `-I OUTPUT ${d} -j DOCKER_OUTPUT`,
        `-I POSTROUTING ${d} -j DOCKER_POSTROUTING`,
        `-I DOCKER_OUTPUT ${d} -p udp --dport 53 -j DNAT --to-destination 127.0.0.11:${udp}`,
        `-I DOCKER_POSTROUTING -s 127.0.0.11 -p udp --sport ${udp} -j SNAT --to-source :53`,
        `-I DOCKER_OUTPUT ${d} -p tcp --dport 53 -j DNAT --to-destination 127.0.0.11:${tcp}`,
        `-I DOCKER_POSTROUTING -s 127.0.0.11 -p tcp --sport ${tcp} -j SNAT --to-source :53`,
        'COMMIT',
        '',
      ].join('\n'),
    );
    const rules = await nsMust(ns, ['iptables', '-t', 'nat', '-S']);
    if (rules !== labRules)
      details.push(`  iptables -t nat -S:\n    lab:\n${labRules}    kernel:\n${rules}`);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('embedded-dns: dns.py not ready')), 5000);
      server.stdout?.on('data', (b: Buffer) => {
        if (b.toString().includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const cap = nsSpawn(ns, ['tcpdump', '-l', '-n', '-i', 'lo', 'udp']);
    let wire = '';
    cap.stdout?.on('data', (b: Buffer) => (wire += b.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('embedded-dns: tcpdump not ready')), 5000);
      cap.stderr?.on('data', (b: Buffer) => {
        if (b.toString().includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const r = await nsRun(ns, ['busybox', 'nslookup', 'example.com', '127.0.0.11']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closed = new Promise((resolve) => cap.on('close', resolve));
    cap.kill('SIGINT');
    await closed;
    if (r.stdout !== labLookup)
      details.push(
        `  nslookup example.com:\n    lab:\n${labLookup}    kernel:\n${r.stdout}${r.stderr}`,
      );
    const kernelLo = loLines(wire);
    if (kernelLo.join('\n') !== labLo.join('\n'))
      details.push(
        `  tcpdump -n -i lo:\n    lab:\n${labLo.join('\n')}\n    kernel:\n${kernelLo.join('\n')}`,
      );
  } finally {
    if (server.pid !== undefined && server.exitCode === null) server.kill('SIGKILL');
    execFileSync('ip', ['netns', 'del', ns]);
  }
  const summary = `embedded-dns: ${details.length === 0 ? 'rules, nslookup through them and the wire on lo identical' : 'MISMATCH'}`;
  return { ok: details.length === 0, summary, details };
}
