// uname beside the corpus (which records the real tools on a machine whose kernel is not the
// lab's): the values the lab's Debian 12 host reports, the same in every container (one kernel),
// each container's own node name, Alpine's busybox OS name and the C locale of Debian images.
// The `uname -a` line of a Debian 12 machine on 6.1.0-37-amd64 is public in many logs; Alpine's
// busybox is built with CONFIG_UNAME_OSNAME="Linux" (aports main/busybox/busyboxconfig).
import { describe, expect, it } from 'vitest';
import { createWorld } from '../sim';
import { terminalOn } from './testing/terminal';

const DEBIAN_6_1_0_37 =
  '6.1.0-37-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.140-1 (2025-05-22) x86_64';

function lab() {
  const t = terminalOn(createWorld());
  for (const line of [
    'docker run -d --name web nginx',
    'docker run -d --name bb busybox sleep 1d',
    'docker run -d --name al alpine sleep 1d',
    'docker run -d --name hn --network host alpine sleep 1d',
    'docker run -d --name py python:3.12-slim sleep 1d',
  ])
    expect(t.run(line).exit).toBe(0);
  const id = (name: string) => t.run(`docker inspect -f '{{.Id}}' ${name}`).out.slice(0, 12);
  return { t, id };
}

describe('uname', () => {
  it("prints the host's Debian 12 kernel, and docker info agrees", () => {
    const { t } = lab();
    expect(t.run('uname -a').out).toBe(`Linux docker-host ${DEBIAN_6_1_0_37} GNU/Linux\n`);
    const release = t.run('uname -r').out.trim();
    expect(t.run('docker info').out).toContain(` Kernel Version: ${release}\n`);
  });

  it('prints the same kernel in every container, with the container as the node', () => {
    const { t, id } = lab();
    expect(t.run('docker exec web uname -a').out).toBe(
      `Linux ${id('web')} ${DEBIAN_6_1_0_37} GNU/Linux\n`,
    );
    expect(t.run('docker exec bb uname -a').out).toBe(
      `Linux ${id('bb')} ${DEBIAN_6_1_0_37} GNU/Linux\n`,
    );
    // Alpine's busybox names the OS "Linux"; --network host shares the host's UTS namespace.
    expect(t.run('docker exec al uname -a').out).toBe(
      `Linux ${id('al')} ${DEBIAN_6_1_0_37} Linux\n`,
    );
    expect(t.run('docker exec hn uname -n').out).toBe('docker-host\n');
  });

  it('quotes an extra operand with the locale: UTF-8 on the host and in python, else C', () => {
    const { t } = lab();
    expect(t.run('uname foo').err).toBe(
      "uname: extra operand ‘foo’\nTry 'uname --help' for more information.\n",
    );
    const r = t.run('docker exec web uname foo');
    expect(r.err).toBe("uname: extra operand 'foo'\nTry 'uname --help' for more information.\n");
    expect(r.exit).toBe(1);
    expect(t.run('docker exec py uname foo').err).toContain('extra operand ‘foo’');
  });
});
