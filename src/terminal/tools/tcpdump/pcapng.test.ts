// The pcapng export read back by the real tcpdump (Debian's tcpdump 4.99, `tcpdump -r`): it must
// read the file without complaint and print, packet for packet, what the lab's own tcpdump prints
// for the same interface. That checks the bytes (headers, checksums, options, lengths) against
// the printer, and the printer is checked against real captures (tcpdump.test.ts, kernel suite).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namespacesOf } from '../../../sim';
import { createAppStore } from '../../../store';
import { pcapng, type FlowCapture } from './pcapng';

const LINES = [
  'docker run -d --name c1 -p 8080:80 nginx',
  'docker run -d --name c2 busybox sleep 1d',
  'docker exec c2 ping -c 1 172.17.0.2',
  'docker exec c2 wget -qO- http://172.17.0.2/',
  'docker exec c2 nc -z 172.17.0.2 81',
  'docker exec c2 wget -qO- http://198.51.100.7/',
  'curl -s http://192.0.2.10:8080/',
  'curl -s http://127.0.0.1:8080/',
  'docker exec c2 nslookup example.com',
  'docker exec c2 wget -qO- http://nosuch.example/',
];

function lab() {
  const store = createAppStore();
  const flows: FlowCapture[] = [];
  const texts: { [iface: string]: string[] } = {};
  const ifaces = ['eth0', 'docker0', 'lo'];
  for (const line of LINES) {
    const before = store.getState().packets;
    store.getState().runCommand(line);
    const s = store.getState();
    if (s.packets === before) continue;
    flows.push({ packets: s.packets, clock: s.flowClock, namespaces: namespacesOf(s.world) });
    const veth = s.world.containers.find((c) => c.name === 'c2')?.endpoints[0]?.hostVeth ?? '';
    for (const i of [...ifaces, veth]) {
      const key = i === veth ? 'veth' : i;
      const out = s.runCommand(`tcpdump -i ${i} -p -n -e -v`).chunks;
      const text = out
        .filter((c) => c.stream === 'stdout')
        .map((c) => c.text)
        .join('');
      (texts[key] ??= []).push(...text.split('\n').filter((l) => l !== '' && l !== '^C'));
    }
  }
  const veth = store.getState().world.containers[1]?.endpoints[0]?.hostVeth ?? '';
  return { flows, texts, veth };
}

function tcpdumpRead(bytes: Uint8Array): { out: string; err: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dnl-pcap-'));
  try {
    const file = join(dir, 'flows.pcapng');
    writeFileSync(file, bytes);
    const out = execFileSync('tcpdump', ['-r', file, '-n', '-e', '-v'], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { out, err: '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('pcapng export', () => {
  const { flows, texts, veth } = lab();

  for (const [key, iface] of [
    ['eth0', 'eth0'],
    ['docker0', 'docker0'],
    ['lo', 'lo'],
    ['veth', veth],
  ] as const) {
    it(`tcpdump -r prints what the lab's tcpdump prints on the host's ${key}`, () => {
      const file = pcapng(flows, (node, i) => node === 'host' && i === iface);
      const got = tcpdumpRead(file)
        .out.split('\n')
        .filter((l) => l !== '');
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(texts[key]);
    });
  }

  it('holds one interface block per capture point and every frame of the flows', () => {
    const all = tcpdumpRead(pcapng(flows)).out;
    const frames = all.split('\n').filter((l) => /^\d\d:/.test(l)).length;
    const hops = flows
      .flatMap((f) => f.packets)
      .flatMap((p) => p.hops)
      .filter((h) => h.iface !== null && (h.event === 'tx' || h.event === 'rx')).length;
    // Every tx/rx hop is a frame, but a packet sent on lo is seen once, not on tx and rx both.
    expect(frames).toBeGreaterThan(hops * 0.8);
    expect(frames).toBeLessThanOrEqual(hops);
  });
});
