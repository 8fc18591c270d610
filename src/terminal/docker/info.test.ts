// `docker info` against the samples written from docker/cli's and moby's sources (fixtures/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorld, RELEASES, type Profile } from '../../sim';
import { terminalOn } from '../testing/terminal';
import { bytesSize } from './info-of';

const sample = (version: string) =>
  readFileSync(join(import.meta.dirname, 'fixtures', `docker-info-${version}.txt`), 'utf8');

/** The fixtures' lab: c1 running, c2 stopped. */
function lab(profile: Profile) {
  const t = terminalOn(createWorld({ profile }));
  t.run('docker run -d --name c1 nginx');
  t.run('docker run -d --name c2 busybox sleep 1d');
  t.run('docker stop c2');
  return t;
}

describe('docker info', () => {
  it.each([
    ['docker-27', '27.5.1'],
    ['docker-29', '29.0.4'],
  ] as const)(
    '%s prints the sample written from docker/cli v%s, nothing on stderr',
    (profile, version) => {
      const r = lab(profile).run('docker info');
      expect(r.out).toBe(sample(version));
      expect(r.err).toBe('');
      expect(r.exit).toBe(0);
    },
  );

  it('takes both versions from the releases table, as docker version does', () => {
    for (const profile of ['docker-27', 'docker-29'] as const) {
      const t = lab(profile);
      const v = RELEASES[profile].version;
      const out = t.run('docker info').out;
      expect(out).toContain(`\n Version:    ${v}\n`);
      expect(out).toContain(`\n Server Version: ${v}\n`);
      expect(t.run('docker version').out).toContain(`Version:          ${v}\n`);
    }
  });

  it('counts the containers as they are now: running, paused, stopped', () => {
    const t = lab('docker-27');
    t.run('docker start c2');
    t.run('docker run -d --name c3 nginx');
    t.run('docker rm -f c1');
    expect(t.run('docker info').out).toContain(
      ' Containers: 2\n  Running: 2\n  Paused: 0\n  Stopped: 0\n',
    );
  });

  it('prints no bridge-nf-call warnings, br_netfilter on or off (removed in moby 27.5.0)', () => {
    const t = lab('docker-27');
    t.run('sysctl -w net.bridge.bridge-nf-call-iptables=0');
    expect(t.run('docker info').err).toBe('');
  });

  it('docker system info is the same command; -f reads the fields by their API names', () => {
    const t = lab('docker-29');
    expect(t.run('docker system info').out).toBe(sample('29.0.4'));
    expect(t.run("docker info -f '{{.ServerVersion}} {{.Driver}} {{.NCPU}}'").out).toBe(
      '29.0.4 overlayfs 2\n',
    );
    expect(t.run("docker info --format '{{.Plugins.Network}}'").out).toBe(
      '[bridge host ipvlan macvlan null overlay]\n',
    );
  });

  it('refuses arguments as each CLI does (cli.NoArgs at v27.5.1 and v29.0.4)', () => {
    expect(lab('docker-27').run('docker info c1')).toMatchObject({
      err: '"docker info" accepts no arguments.\nSee \'docker info --help\'.\n\nUsage:  docker info [OPTIONS]\n\nDisplay system-wide information\n',
      exit: 1,
    });
    expect(lab('docker-29').run('docker info c1')).toMatchObject({
      err: "docker: 'docker info' accepts no arguments\n\nUsage:  docker info [OPTIONS]\n\nRun 'docker info --help' for more information\n",
      exit: 1,
    });
  });

  it('has its --help, its line in docker --help and in the lab help, and completes', () => {
    const t = lab('docker-27');
    expect(t.run('docker info --help').out).toContain(
      'Usage:  docker info [OPTIONS]\n\nDisplay system-wide information\n\nAliases:\n  docker system info, docker info\n',
    );
    expect(t.run('docker --help').out).toContain('  info        Display system-wide information\n');
    expect(t.run('help').out).toMatch(/docker .*\| info\n/);
    expect(t.store.getState().completeCommand('docker inf', 10).candidates).toContain('info');
  });
});

describe('go-units BytesSize (Total Memory)', () => {
  it("gives go-units' own cases (size_test.go TestBytesSize)", () => {
    const KiB = 1024;
    expect(
      [
        KiB,
        KiB * KiB,
        1048576,
        2 * KiB ** 2,
        3.42 * KiB ** 3,
        5.372 * KiB ** 4,
        2.22 * KiB ** 5,
      ].map(bytesSize),
    ).toEqual(['1KiB', '1MiB', '1MiB', '2MiB', '3.42GiB', '5.372TiB', '2.22PiB']);
    expect(bytesSize(KiB ** 10)).toBe('1.049e+06YiB');
  });
});
