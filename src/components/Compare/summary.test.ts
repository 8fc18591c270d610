import { describe, expect, it } from 'vitest';
import { runCompare } from '../../lessons';
import { summarize } from './summary';

describe('compare summaries', () => {
  const lanes = runCompare();
  const inbound = (mode: string) =>
    summarize(lanes.find((l) => l.mode === mode)?.runs[0]?.packets ?? []);

  it('bridge: the SYN is DNATed to the container and crosses docker0 and its veth', () => {
    const s = inbound('bridge');
    expect(s.nat).toContain('ip.dst 192.0.2.10 → 172.17.0.2');
    expect(s.path[0]).toBe('client eth0');
    expect(s.path).toContain('host docker0');
    expect(s.path[s.path.length - 1]).toBe('web eth0');
  });

  it('host: no rewrite, the host itself takes the SYN', () => {
    const s = inbound('host');
    expect(s.nat).toEqual([]);
    expect(s.end).toEqual({ kind: 'delivered', node: 'host' });
  });

  it('none: web cannot send at all', () => {
    const out = summarize(lanes.find((l) => l.mode === 'none')?.runs[1]?.packets ?? []);
    expect(out.end).toMatchObject({ kind: 'dropped', reason: 'no-network' });
    expect(out.path).toEqual([]);
  });
});
