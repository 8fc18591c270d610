// Golden outputs of examples/*.lab through scripts/lab.ts and scripts/trace.ts, plus facts checked
// against the facts sheet, so a golden file (our own output) is never the only check.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLab } from './lab';
import { runTrace } from './trace';

const dir = join(import.meta.dirname, '..', 'examples');
const labs = readdirSync(dir).filter((f) => f.endsWith('.lab'));
const update = process.env.UPDATE_GOLDEN === '1';

function golden(file: string, actual: string): void {
  const path = join(dir, file);
  if (update || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe.each(labs)('%s', (lab) => {
  const text = readFileSync(join(dir, lab), 'utf8');
  it('prints the committed transcript, the same bytes every run', () => {
    const out = runLab(text);
    expect(runLab(text)).toBe(out);
    golden(lab.replace(/\.lab$/, '.transcript.txt'), out);
  });
  it('traces the committed packets, the same bytes every run', () => {
    const out = runTrace(text);
    expect(runTrace(text)).toBe(out);
    golden(lab.replace(/\.lab$/, '.trace.json'), out);
  });
});

interface HopJson {
  node: string;
  event: string;
  src: string | null;
  dst: string | null;
  sport: number | null;
  dport: number | null;
  chain?: string;
  rule?: string;
}
interface PacketJson {
  command: string;
  direction: string;
  outcome: { kind: string };
  hops: HopJson[];
}

describe('the four flows agree with the facts sheet (§2a, §7)', () => {
  const { packets } = JSON.parse(runTrace(readFileSync(join(dir, 'four-flows.lab'), 'utf8'))) as {
    packets: PacketJson[];
  };
  const of = (cmd: string) => packets.filter((p) => p.command.includes(cmd));

  it('container to container is bridged: no NAT, addresses unchanged end to end', () => {
    const req = of('docker exec c2 wget').filter((p) => p.direction === 'request');
    expect(req.length).toBeGreaterThan(0);
    for (const p of req) {
      expect(p.hops.some((h) => h.event === 'nat')).toBe(false);
      for (const h of p.hops.filter((x) => x.src !== null && x.sport !== null)) {
        expect([h.src, h.dst]).toEqual(['172.17.0.3', '172.17.0.2']);
      }
    }
  });

  it('outside to the published port: DOCKER chain DNATs 192.0.2.10:8080 to 172.17.0.2:80', () => {
    const syn = of('lab from client curl')[0];
    const dnat = syn?.hops.findIndex((h) => h.chain === 'DOCKER' && h.rule?.includes('-j DNAT'));
    expect(dnat).toBeGreaterThanOrEqual(0);
    expect(syn?.hops[dnat ?? 0]?.rule).toBe(
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    );
    const after = syn?.hops.slice((dnat ?? 0) + 1).find((h) => h.dst !== null);
    expect([after?.dst, after?.dport]).toEqual(['172.17.0.2', 80]);
    expect(syn?.outcome.kind).toBe('delivered');
  });

  it('container to the internet: MASQUERADE rewrites the source to 192.0.2.10 on the way out', () => {
    const echo = of('docker exec c2 ping')[0];
    const masq = echo?.hops.findIndex((h) => h.rule?.includes('-j MASQUERADE'));
    expect(echo?.hops[masq ?? 0]?.rule).toBe(
      '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
    );
    const out = echo?.hops.slice((masq ?? 0) + 1).find((h) => h.src !== null);
    expect(out?.src).toBe('192.0.2.10');
  });
});
