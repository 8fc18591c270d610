// The host's own servers: netcat-openbsd `nc -l … &` as bash's background jobs. Expected texts:
// an interactive bash 5.2 with netcat-openbsd 1.219-1 in a network namespace
// (src/sim/__fixtures__/servers/host-jobs.txt, scripts/servers/record-jobs.sh; pids as PID), and
// `ss -tulnp` there: `0.0.0.0:9000` only, Send-Q 1, users:(("nc",pid=…,fd=3)).
import { describe, expect, it } from 'vitest';
import type { IPv4 } from '../sim';
import session from '../sim/__fixtures__/servers/host-jobs.txt?raw';
import { compactWorld } from '../share/compact';
import { parseWorld } from '../share/parse-world-root';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

/** The recorded session's lines after each typed command, up to the next prompt. */
function answers(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let typed = '';
  for (const l of session.split('\n')) {
    if (l.startsWith('bash-5.2# ')) {
      typed = l.slice(10);
      out.set(typed, [...(out.get(typed) ?? []), '']);
    } else if (typed) {
      const list = out.get(typed) ?? [];
      list[list.length - 1] = `${list[list.length - 1] ?? ''}${l}\n`;
    }
  }
  return out;
}

const outside = (port: number, kind: 'tcp' | 'udp') =>
  ({ from: { kind: 'remote', name: 'client' }, to: '192.0.2.10' as IPv4, kind, port }) as const;

describe('nc -l … & on the host', () => {
  const real = answers();
  /** What the lab printed, pids replaced as the recording's are. */
  const said = (r: { out: string; err: string }) =>
    `${r.out}${r.err}`.replace(/^\[(\d+)\] \d+$/m, '[$1] PID');

  it('prints [N] PID, lists in jobs, and kill %N ends it with bash\'s "Terminated" line', () => {
    const term = terminalOn(referenceHost());
    expect(said(term.run('nc -l -p 9000 &'))).toBe(real.get('nc -l -p 9000 &')?.[0]);
    expect(said(term.run('nc -lu -p 5353 &'))).toBe(real.get('nc -lu -p 5353 &')?.[0]);
    expect(term.run('jobs').out).toBe(real.get('jobs')?.[0]);
    // bash prints the notification at the prompt after the kill; the lab prints it with the kill.
    expect(term.run('kill %1').err).toBe(real.get('sleep 0.3')?.[2]);
    expect(term.run('jobs').out).toBe(real.get('jobs')?.[1]);
    expect(term.run('kill %7').err).toBe(real.get('kill %7')?.[0]);
    expect(term.run('kill').err).toBe(real.get('kill')?.[0]);
  });

  it('ss shows the socket as it was: IPv4 only, backlog 1, fd 3; kill closes it', () => {
    const term = terminalOn(referenceHost());
    term.run('nc -lk 9001 &');
    const ss = term.run('ss -tlnp').out;
    expect(ss).toMatch(
      /^LISTEN 0 +1 +0\.0\.0\.0:9001 +0\.0\.0\.0:\* +users:\(\("nc",pid=\d+,fd=3\)\)/m,
    );
    expect(ss).not.toContain('[::]:9001');
    term.run('kill %1');
    expect(term.run('ss -tlnp').out).not.toContain(':9001');
  });

  it('the outside and a container connect to it; once killed the host answers RST', () => {
    const term = terminalOn(referenceHost());
    term.run('nc -l -p 9000 &');
    expect(term.store.getState().sendFlow(outside(9000, 'tcp'))!.result.kind).toBe('connected');
    expect(term.run('docker exec c2 nc -zv 172.17.0.1 9000').exit).toBe(0);
    term.run('kill %1');
    const r = term.store.getState().sendFlow(outside(9000, 'tcp'))!;
    expect(r.result.kind).toBe('refused');
    expect(r.packets.map((p) => p.label)).toContain('RST');
  });

  it('a UDP listener takes the datagram silently; without one the host answers port unreachable', () => {
    const term = terminalOn(referenceHost());
    expect(term.store.getState().sendFlow(outside(5353, 'udp'))!.result.kind).toBe(
      'port-unreachable',
    );
    term.run('nc -lu -p 5353 &');
    expect(term.store.getState().sendFlow(outside(5353, 'udp'))!.result.kind).toBe('udp-sent');
  });

  it("netcat-openbsd's own errors: no port; a port sshd holds (bind fails, the job exits 1)", () => {
    const term = terminalOn(referenceHost());
    expect(term.run('nc -l &')).toMatchObject({ err: 'nc: missing port number\n', exit: 1 });
    const r = term.run('nc -l -p 22 &');
    expect(r.err).toMatch(
      /^\[1\] \d+\nnc: Address already in use\n\[1\]\+ {2}Exit 1 {18}nc -l -p 22\n$/,
    );
    expect(term.run('jobs').out).toBe('');
  });

  it('survives a save and reload of the lab (the jobs are in the world)', () => {
    const term = terminalOn(referenceHost());
    term.run('nc -l -p 9000 &');
    const world = term.store.getState().world;
    expect(world.host.jobs).toHaveLength(1);
    const stored: unknown = JSON.parse(JSON.stringify(compactWorld(world)));
    expect(parseWorld(stored).host).toEqual(world.host);
  });
});
