// Images that are themselves: what each image really has on its PATH and which shell it runs.
// Truth: the nginx image is `FROM debian:bookworm-slim` plus nginx, gettext-base and curl
// (github:nginxinc/docker-nginx mainline/debian/Dockerfile): bash, dash as sh, no iproute2,
// iputils or net-tools. A program the image lacks, started by `docker exec`, is reported by the
// daemon on the exec's stdout with CR LF and exit code 127 (moby v27.5.1
// api/server/router/container/exec.go and docker-v29.0.4 daemon/server/router/container/exec.go
// `fmt.Fprintf(stdout, "%v\r\n", err)`; daemon/errors.go setExitCodeFromError: exitCmdNotFound);
// the text is runc's (`unable to start container process: exec: "X": executable file not found
// in $PATH`). `docker run IMAGE MISSING` exits 127 (docker/cli v27.5.1 run.go
// runStartContainerErr, v29.0.4 toStatusError). Debian's root prompt is /etc/bash.bashrc's PS1
// `\u@\h:\w\$ `; dash's `# ` and its `sh: 1: X: not found` were checked with dash 0.5.12 here.
import { describe, expect, it } from 'vitest';
import { createWorld, runContainer, type World } from '../../sim';
import { promptFor } from '../prompt';
import { terminalOn } from '../testing/terminal';

const notFound = (x: string) =>
  `OCI runtime exec failed: exec failed: unable to start container process: exec: "${x}": executable file not found in $PATH: unknown\r\n`;

function lab(profile: 'docker-27' | 'docker-29' = 'docker-27'): World {
  let w = createWorld({ profile });
  for (const opts of [
    { image: 'nginx', name: 'web', detach: true },
    { image: 'busybox', name: 'bb', detach: true, tty: true, interactive: true },
    { image: 'alpine', name: 'al', detach: true, tty: true, interactive: true },
  ]) {
    const r = runContainer(w, opts);
    if (!r.ok) throw new Error(r.error.message);
    w = r.world;
  }
  return w;
}

describe('nginx has no network tools', () => {
  for (const profile of ['docker-27', 'docker-29'] as const)
    it.each(['ping -c1 172.17.0.1', 'ip addr', 'ifconfig', 'wget -qO- 172.17.0.3', 'nc -z x 1'])(
      `${profile}: docker exec web %s is the runtime's "executable file not found", 127`,
      (cmd) => {
        const r = terminalOn(lab(profile)).run(`docker exec web ${cmd}`);
        expect(r.out).toBe(notFound(cmd.split(' ')[0] ?? ''));
        expect(r.err).toBe('');
        expect(r.exit).toBe(127);
      },
    );

  it('a path is stat’ed, not searched (Go’s exec.LookPath): "no such file or directory"', () => {
    const t = terminalOn(lab());
    expect(t.run('docker exec web /bin/ping -c1 172.17.0.1')).toMatchObject({
      out: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/ping": stat /bin/ping: no such file or directory: unknown\r\n',
      exit: 127,
    });
    expect(t.run('docker run --rm nginx /sbin/ip addr').exit).toBe(127);
  });

  it('but has curl, cat and hostname', () => {
    const t = terminalOn(lab());
    expect(t.run('docker exec web curl -s http://172.17.0.2/').out).toContain('Welcome to nginx!');
    expect(t.run('docker exec web cat /etc/hostname').exit).not.toBe(127);
    const id = t.store.getState().world.containers[0]?.id.slice(0, 12);
    expect(t.run('docker exec web hostname').out).toBe(`${id}\n`);
  });

  it('docker exec -it web bash: Debian root prompt; a missing tool is bash’s "command not found"', () => {
    const t = terminalOn(lab());
    expect(t.run('docker exec -it web bash').exit).toBe(0);
    const s = t.store.getState();
    const id = s.world.containers[0]?.id.slice(0, 12) ?? '';
    expect(promptFor(s.world, s.location)).toBe(`root@${id}:/# `);
    const r = t.run('ping -c1 172.17.0.1');
    expect([r.err, r.exit]).toEqual(['bash: ping: command not found\n', 127]);
    expect(t.run('ip route').err).toBe('bash: ip: command not found\n');
    t.run('exit');
    expect(t.store.getState().location).toEqual({ kind: 'host' });
  });

  it('docker exec -it web sh is dash: `# ` and `sh: 1: X: not found`', () => {
    const t = terminalOn(lab());
    t.run('docker exec -it web sh');
    const s = t.store.getState();
    expect(promptFor(s.world, s.location)).toBe('# ');
    expect(t.run('ifconfig').err).toBe('sh: 1: ifconfig: not found\n');
  });

  it('docker run --rm nginx ping: 127, the start error without the help hint (CLI 27)', () => {
    const t = terminalOn(lab());
    const r = t.run('docker run --rm nginx ping -c1 172.17.0.1');
    expect(r.err).toBe(
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown.\n',
    );
    expect(r.exit).toBe(127);
  });
});

describe('busybox and alpine are busybox', () => {
  it('have no bash: exec bash is "executable file not found"', () => {
    const t = terminalOn(lab());
    for (const c of ['bb', 'al']) {
      const r = t.run(`docker exec -it ${c} bash`);
      expect([r.out, r.exit]).toEqual([notFound('bash'), 127]);
      expect(t.store.getState().location).toEqual({ kind: 'host' });
    }
  });

  it('sh is ash: `/ # `, `sh: X: not found`, the applets work', () => {
    const t = terminalOn(lab());
    t.run('docker exec -it al sh');
    const s = t.store.getState();
    expect(promptFor(s.world, s.location)).toBe('/ # ');
    expect(t.run('curl http://172.17.0.2/').err).toBe('sh: curl: not found\n');
    expect(t.run('ip route').out).toContain('default via 172.17.0.1 dev eth0');
  });

  it('alpine has apk, which the lab does not model, and says so', () => {
    const t = terminalOn(lab());
    const r = t.run('docker exec al apk add curl');
    expect(r.err).toBe('apk: in the image, but not in this lab\n');
    expect(r.out).toBe('');
  });
});

describe('docker run --rm IMAGE CMD', () => {
  it('prints the command’s output from inside the new container, then removes it', () => {
    const t = terminalOn(lab());
    const r = t.run('docker run --rm busybox ip route');
    // The fourth container on docker0 (web .2, bb .3, al .4): busybox ip's route lines.
    expect(r.out).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.5 \n',
    );
    expect(r.exit).toBe(0);
    expect(t.store.getState().world.containers).toHaveLength(3);
    // Its address is free again: the next container gets .5 too.
    expect(t.run('docker run --rm busybox ip addr').out).toContain('inet 172.17.0.5/16');
  });

  it('ping -c1 the gateway answers; the exit status is the command’s', () => {
    const t = terminalOn(lab());
    const r = t.run('docker run --rm busybox ping -c1 172.17.0.1');
    expect(r.out).toMatch(
      /^PING 172\.17\.0\.1 \(172\.17\.0\.1\): 56 data bytes\n64 bytes from 172\.17\.0\.1: seq=0 ttl=64 time=/,
    );
    expect(r.exit).toBe(0);
    expect(t.run('docker run --rm busybox ping -c1 -W1 172.17.0.99').exit).toBe(1);
  });

  it('without --rm the container stays, Exited with the command’s status', () => {
    const t = terminalOn(lab());
    t.run('docker run --name once busybox ip route get 1.2.3.4.5');
    const once = t.store.getState().world.containers.find((c) => c.name === 'once');
    expect(once?.state).toBe('exited');
    expect(once?.endpoints).toEqual([]);
    expect(t.run("docker ps -a --format '{{.Names}} {{.Status}}'").out).toContain('once Exited (');
  });
});
