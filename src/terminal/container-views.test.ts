import { describe, expect, it } from 'vitest';
import { runContainer, type World } from '../sim';
import { fixture } from './testing/fixtures';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

function withNone(w: World): World {
  const r = runContainer(w, {
    image: 'busybox',
    name: 'iso',
    network: 'none',
    tty: true,
    interactive: true,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.world;
}

describe('busybox inside c1 matches the real applets', () => {
  it.each([
    ['ifconfig', 'c1__busybox-ifconfig.txt'],
    ['ip addr', 'c1__busybox-ip-addr.txt'],
    ['ip route', 'c1__busybox-ip-route.txt'],
    ['hostname', 'c1__busybox-hostname.txt'],
  ])('docker exec c1 %s', (cmd, file) => {
    const r = terminalOn(referenceHost()).run(`docker exec c1 ${cmd}`);
    expect(r.out).toBe(fixture(file));
  });

  it('gives the same output in an interactive shell, with the busybox prompt', () => {
    const t = terminalOn(referenceHost());
    t.run('docker exec -it c1 sh');
    expect(t.store.getState().location).toEqual({
      kind: 'container',
      shell: 'ash',
      name: 'c1',
      attached: false,
    });
    expect(t.run('ifconfig').out).toBe(fixture('c1__busybox-ifconfig.txt'));
    t.run('exit');
    expect(t.store.getState().location).toEqual({ kind: 'host' });
    const prompts = t.store.getState().transcript.filter((l) => l.kind === 'prompt');
    expect(prompts.map((p) => (p.kind === 'prompt' ? p.prompt : ''))).toEqual([
      'root@docker-host:~# ',
      '/ # ',
      '/ # ',
    ]);
  });

  it('a --network none container shows only lo', () => {
    const r = terminalOn(withNone(referenceHost())).run('docker exec iso ifconfig');
    expect(r.out).toBe(fixture('none__busybox-ifconfig.txt'));
  });

  it('resolves no container names on the default bridge: ping: bad address', () => {
    const r = terminalOn(referenceHost()).run('docker exec c1 ping -c 1 c2');
    expect(r.out).toBe('');
    expect(r.err).toBe(fixture('c1__busybox-ping-c-1-c2.stderr.txt'));
    expect(r.exit).toBe(1);
  });

  it('resolves names through the embedded DNS on a user-defined network', () => {
    const t = terminalOn(referenceHost());
    t.run('docker network create app');
    t.run('docker run -itd --name a --network app busybox');
    t.run('docker run -itd --name b --network app busybox');
    const r = t.run('docker exec a ping -c 1 b');
    expect(r.out.split('\n')[0]).toBe('PING b (172.18.0.3): 56 data bytes');
    expect(t.run('docker exec a cat /etc/resolv.conf').out).toContain('nameserver 127.0.0.11\n');
  });
});
