import { describe, expect, it } from 'vitest';
import { createAppStore, renderTranscript } from '../store';
import { createWorld } from '../sim';
import { tabwrite } from './tabwriter';
import { terminalOn } from './testing/terminal';

describe('docker CLI tables (facts §1, §6: tabwriter minwidth 10, padding 3)', () => {
  it('pads columns like docker/cli', () => {
    expect(
      tabwrite([
        ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'],
        ['a4ec7bfa5be8', 'bridge', 'bridge', 'local'],
      ]),
    ).toBe('NETWORK ID     NAME      DRIVER    SCOPE\na4ec7bfa5be8   bridge    bridge    local\n');
  });
  it('docker ps: header, quoted ellipsized command, Up N seconds, both port bindings (CLI ≤ 27)', () => {
    const t = terminalOn(createWorld());
    const id = t.run('docker run -d --name c1 -p 8080:80 nginx').out.trim();
    t.run('true');
    const lines = t.run('docker ps').out.split('\n');
    expect(lines[0]).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                                   NAMES',
    );
    expect(lines[1]).toBe(
      `${id.slice(0, 12)}   nginx     "/docker-entrypoint.…"   2 seconds ago   Up 2 seconds   0.0.0.0:8080->80/tcp, :::8080->80/tcp   c1`,
    );
  });
  it('docker ps --no-trunc: the 64-digit ID and the whole command, an argument with a space quoted as the daemon does', () => {
    const t = terminalOn(createWorld());
    const id = t.run('docker run -d --name c1 nginx').out.trim();
    const row = t.run('docker ps --no-trunc').out.split('\n')[1] ?? '';
    expect(
      row.startsWith(`${id}   nginx     "/docker-entrypoint.sh nginx -g 'daemon off;'"   `),
    ).toBe(true);
    expect(t.run('docker ps -q --no-trunc').out).toBe(`${id}\n`);
    expect(t.run('docker ps -q').out).toBe(`${id.slice(0, 12)}\n`);
  });
  it('prints [::] for the IPv6 binding in the docker-29 profile (CLI ≥ 28)', () => {
    const t = terminalOn(createWorld({ profile: 'docker-29' }));
    t.run('docker run -d --name c1 -p 8080:80 nginx');
    expect(t.run('docker ps').out).toContain('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
  });
  it('shows an exited container with its status under -a only', () => {
    const t = terminalOn(createWorld());
    t.run('docker run --name b busybox');
    expect(t.run('docker ps').out.split('\n').length).toBe(2);
    expect(t.run('docker ps -a').out).toMatch(/Exited \(0\) 2 seconds ago {3,}b\n$/);
  });
});

describe('docker --version and docker version: the release the profile reproduces', () => {
  // The lines real hosts print (`docker --version` on Docker 27.5.1 and 29.0.4); the engine's API
  // and commit as docker/cli's and docker/docs' version examples show them (sim/releases.ts).
  it('Docker 27.5.1 on the docker-27 profile', () => {
    const t = terminalOn(createWorld({ profile: 'docker-27' }));
    expect(t.run('docker --version').out).toBe('Docker version 27.5.1, build 9f9e405\n');
    expect(t.run('docker version').out).toContain(
      '  API version:      1.47 (minimum version 1.24)\n',
    );
    expect(t.run('docker version').out).toContain('  Git commit:       4c9b3b0\n');
  });
  it('Docker 29.0.4 on the docker-29 profile (its rules: DOCKER-FORWARD, DOCKER-INTERNAL)', () => {
    const t = terminalOn(createWorld({ profile: 'docker-29' }));
    expect(t.run('docker --version').out).toBe('Docker version 29.0.4, build 3247a5a\n');
    const v = t.run('docker version').out;
    expect(v).toContain(
      ' Version:           29.0.4\n API version:       1.52\n Git commit:        3247a5a\n',
    );
    expect(v).toContain(
      '  API version:      1.52 (minimum version 1.44)\n  Git commit:       4612690\n',
    );
    expect(t.run('iptables -S DOCKER-FORWARD').out).toContain(
      '-A DOCKER-FORWARD -j DOCKER-INTERNAL\n',
    );
  });
});

describe('docker run as in the article', () => {
  it('runs training/webapp publishing 80:5000 and docker port shows the binding', () => {
    const t = terminalOn(createWorld());
    expect(t.run('docker run -d -p 80:5000 training/webapp python app.py').out).toMatch(
      /^[0-9a-f]{64}\n$/,
    );
    const name = t.store.getState().world.containers[0]?.name ?? '';
    expect(t.run(`docker port ${name}`).out).toBe('5000/tcp -> 0.0.0.0:80\n5000/tcp -> [::]:80\n');
  });
  it('prints Docker’s errors exactly', () => {
    const t = terminalOn(createWorld());
    expect(t.run('docker foo').err).toBe(
      "docker: 'foo' is not a docker command.\nSee 'docker --help'\n",
    );
    expect(t.run('docker run --foo nginx').err).toBe(
      "unknown flag: --foo\nSee 'docker run --help'.\n",
    );
    expect(t.run('docker stop x').err).toBe('Error response from daemon: No such container: x\n');
    t.run('docker run -d --name w -p 8080:80 nginx');
    expect(t.run('docker run -d --name w2 -p 8080:80 nginx').err).toMatch(
      /^docker: Error response from daemon: driver failed programming external connectivity on endpoint w2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\.\n$/,
    );
    expect(t.run('docker rm w').err).toBe(
      'Error response from daemon: cannot remove container "/w": container is running: stop the container before removing or force remove\n',
    );
  });
  it('warns on stderr that host mode discards published ports', () => {
    const r = terminalOn(createWorld()).run('docker run -d --network host -p 80:80 nginx');
    expect(r.err).toBe('WARNING: Published ports are discarded when using host network mode\n');
  });
  it('docker run -it busybox sh enters the container; exit stops it', () => {
    const store = createAppStore();
    store.getState().runCommand('docker run -it --name sh1 busybox sh');
    store.getState().runCommand('hostname');
    store.getState().runCommand('exit');
    const id = store.getState().world.containers[0]?.id.slice(0, 12) ?? '';
    expect(renderTranscript(store.getState().transcript)).toBe(
      `root@docker-host:~# docker run -it --name sh1 busybox sh\n/ # hostname\n${id}\n/ # exit\n`,
    );
    expect(store.getState().world.containers[0]?.state).toBe('exited');
  });
});

describe('docker inspect', () => {
  it('prints NetworkSettings with the default bridge endpoint and Ports', () => {
    const t = terminalOn(createWorld());
    t.run('docker run -d --name c1 -p 8080:80 nginx');
    const [c] = JSON.parse(t.run('docker inspect c1').out) as [
      { NetworkSettings: Record<string, unknown> },
    ];
    expect(c.NetworkSettings).toMatchObject({
      IPAddress: '172.17.0.2',
      MacAddress: '02:42:ac:11:00:02',
      Gateway: '172.17.0.1',
      Ports: {
        '80/tcp': [
          { HostIp: '0.0.0.0', HostPort: '8080' },
          { HostIp: '::', HostPort: '8080' },
        ],
      },
      Networks: { bridge: { IPAddress: '172.17.0.2', IPPrefixLen: 16 } },
    });
    expect(t.run('docker inspect c1').out.startsWith('[\n    {\n        "Id": "')).toBe(true);
  });
  it('docker network inspect lists the container with its IPv4Address', () => {
    const t = terminalOn(createWorld());
    t.run('docker run -d --name c1 nginx');
    const [n] = JSON.parse(t.run('docker network inspect bridge').out) as [
      { Containers: Record<string, { IPv4Address: string }>; IPAM: unknown },
    ];
    expect(Object.values(n.Containers)[0]?.IPv4Address).toBe('172.17.0.2/16');
    expect(n.IPAM).toEqual({
      Driver: 'default',
      Options: null,
      Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }],
    });
  });
});
