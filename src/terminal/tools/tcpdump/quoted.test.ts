// An ICMP error quoting a TCP segment, against real tcpdump 4.99.3 -nn -e -v (fixtures/
// quoted-syn.nnev.txt: the kernel suite's internet:container capture on 6.18, c1's SYN to
// 192.168.7.7:80 met by the router's net unreachable, on the host's eth0 and, de-MASQUERADEd, on
// c1's eth0). Linux quotes the whole SYN (IP header and 40 bytes of TCP), and NAT's update of the
// quote's checksum field runs the wrong way round for a veth's partial sum (0x89e8 → 0x9fdf).
import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../../scenarios';
import { namespacesOf, nodeId, simulate, type IPv4, type NodeId } from '../../../sim';
import { renderCapture } from './render';

const files = import.meta.glob('./fixtures/quoted-syn.nnev.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const real = (files['./fixtures/quoted-syn.nnev.txt'] ?? '')
  .split(/\n(?=\S)/)
  .map((p) => p.trimEnd());

/** What a real host draws at random: IP ids, the ISN, TS val, the ephemeral port (and the full sums over them). */
const blank = (text: string) =>
  text
    .replace(/id \d+, offset/g, 'id N, offset')
    .replace(/seq \d+/g, 'seq S')
    .replace(/TS val \d+/g, 'TS val V')
    .replace(/-> 0x[0-9a-f]{4}\)/g, '-> SUM)')
    .replace(/\b(192\.0\.2\.10|172\.17\.0\.2)\.\d+ >/g, '$1.PORT >');

const FLAGS = { numeric: true, link: true, verbose: true, absolute: true } as const;

function labError(node: NodeId, iface: string): string | undefined {
  const sc = findScenario('container-to-container');
  if (!sc) throw new Error('container-to-container');
  const world = buildScenario(sc, 'docker-27');
  const to = '192.168.7.7' as IPv4;
  const r = simulate(world, { from: { kind: 'container', name: 'c1' }, to, kind: 'tcp', port: 80 });
  const ns = namespacesOf(r.world).get(node);
  if (!ns) throw new Error(node);
  return renderCapture(r.packets, ns, iface, FLAGS, false)
    .map((x) => x.text ?? '')
    .find((t) => t.includes('unreachable'));
}

describe('tcpdump -v on an ICMP error quoting a TCP segment', () => {
  it("prints the whole quoted SYN as the router's error shows it on the host's eth0", () => {
    expect(blank(labError('host', 'eth0') ?? '')).toBe(blank(real[0] ?? ''));
  });

  it("prints the quote de-MASQUERADEd on c1's eth0, its checksum field as NAT left it", () => {
    expect(blank(labError(nodeId.container('c1'), 'eth0') ?? '')).toBe(blank(real[1] ?? ''));
  });
});
