// One definition of a valid lab: what the terminal accepts, the lab saves and reopens; what the
// parser would refuse, the command refuses first, with Docker's or Linux's error or the lab's limit.
import { describe, expect, it } from 'vitest';
import { SCENARIOS, buildScenario } from '../scenarios';
import { LIMITS, createWorld, labProblems, type World } from '../sim';
import { createAppStore, type AppStore } from '../store';
import { decodeFile } from './codec';
import { toStored } from './compact';
import { kept, reopen } from './round-trip.test-util';

function typed(lines: readonly string[], store: AppStore = createAppStore()) {
  let last = { exit: 0, out: '' };
  for (const line of lines) {
    const r = store.getState().runCommand(line);
    last = { exit: r.exit, out: r.chunks.map((c) => c.text).join('') };
  }
  return { store, ...last };
}

/** The lab after those lines saves and opens again, the same world. */
function expectReopens(store: AppStore): World {
  const r = reopen(store);
  if (!r.ok) throw new Error(`the lab did not reopen: ${r.error}`);
  expect(kept(r.opened)).toBe(kept(r.saved));
  return r.opened;
}

const numbers = (n: number, from = 1) => Array.from({ length: n }, (_, i) => String(from + i));
const N = (n: number) => 'n'.repeat(n);

describe('names', () => {
  it('a 64-character name saves and its file reopens; 65 is refused at the command, so no file holds one', () => {
    const ok = typed([`docker run -d --name ${N(64)} nginx`, `docker network create ${N(64)}`]);
    expect(ok.exit).toBe(0);
    expect(expectReopens(ok.store).containers.map((c) => c.name)).toContain(N(64));
    const ctr = typed([`docker run -d --name ${N(65)} nginx`]);
    expect([ctr.exit, ctr.out]).toEqual([
      125,
      `docker: the lab holds container names of at most 64 characters ("${N(20)}…" has 65).\nSee 'docker run --help'.\n`,
    ]);
    const net = typed([`docker network create ${N(65)}`]);
    expect([net.exit, net.out]).toEqual([
      1,
      `docker: the lab holds network names of at most 64 characters ("${N(20)}…" has 65)\n`,
    ]);
    expect(ctr.store.getState().world.containers).toHaveLength(0);
    expect(net.store.getState().world.networks).toHaveLength(3);
  });
});

describe('--network container:X', () => {
  it('X removed later: the dependent keeps running in its namespace, and the lab reopens', () => {
    const { store } = typed([
      'docker run -d --name a nginx',
      'docker run -d --name b --network container:a busybox sleep 999',
      'docker rm -f a',
    ]);
    const b = expectReopens(store).containers.find((c) => c.name === 'b');
    expect(b?.state).toBe('running');
    expect(b?.mode.kind).toBe('container');
    // Docker refuses a container:X whose X does not exist at run time.
    expect(typed(['docker run -d --network container:gone busybox sleep 1']).out).toContain(
      'No such container: gone',
    );
  });
});

describe('bridge MTU (-o com.docker.network.driver.mtu)', () => {
  const create = (v: string) =>
    typed([`docker network create -o com.docker.network.driver.mtu=${v} n1`]);
  it("refuses what dockerd's bridge driver refuses, with its error", () => {
    const refused: [string, string][] = [
      [
        'abc',
        'failed to parse com.docker.network.driver.mtu value: abc (strconv.Atoi: parsing "abc": invalid syntax)',
      ],
      [
        '99999999999999999999',
        'failed to parse com.docker.network.driver.mtu value: 99999999999999999999 (strconv.Atoi: parsing "99999999999999999999": value out of range)',
      ],
      ['-1', 'invalid MTU number: -1'],
      ['67', 'invalid argument'],
      ['65536', 'invalid argument'],
    ];
    for (const [v, error] of refused) {
      const r = create(v);
      expect([r.exit, r.out]).toEqual([1, `Error response from daemon: ${error}\n`]);
      expect(r.store.getState().world.networks).toHaveLength(3);
    }
  });
  it('keeps 68, 65535 and 0 (the default) and reopens them', () => {
    for (const [v, mtu] of [
      ['68', 68],
      ['65535', 65535],
      ['0', 1500],
    ] as const) {
      const r = create(v);
      expect(r.exit).toBe(0);
      expect(expectReopens(r.store).networks.find((n) => n.name === 'n1')?.bridge?.mtu).toBe(mtu);
    }
  });
});

describe('published ports', () => {
  it('64 ports save and reopen; 65 are refused before any is published, a huge range at once', () => {
    const ok = typed(['docker run -d -p 1000-1063:1000-1063 nginx']);
    expect(ok.exit).toBe(0);
    expect(expectReopens(ok.store).containers[0]?.ports).toHaveLength(64);
    const limit =
      "docker: the lab holds at most 64 published ports per container.\nSee 'docker run --help'.\n";
    expect(typed(['docker run -d -p 1000-1064:1000-1064 nginx']).out).toBe(limit);
    expect(typed(['docker run -d -p 1000-1031:1000-1031 -p 2000-2032:80-112 nginx']).out).toBe(
      limit,
    );
    // Refused from the count alone (how fast is the bench's business, not a test's).
    const all = typed(['docker run -d -p 1-65535:1-65535 nginx']);
    expect([all.exit, all.out]).toEqual([125, limit]);
  });
  it('a form asking for more (the store action, no terminal) is refused the same, nothing changed', () => {
    const store = createAppStore();
    const before = store.getState().world;
    const ports = numbers(65).map((p) => ({
      hostIp: null,
      hostPort: null,
      containerPort: Number(p),
      proto: 'tcp' as const,
    }));
    expect(store.getState().runContainer({ image: 'nginx', ports })).toEqual({
      ok: false,
      error: { source: 'lab', message: 'the lab holds at most 64 published ports per container' },
    });
    expect(store.getState().world).toBe(before);
  });
});

describe('command arguments', () => {
  it('32 arguments of 256 characters save and reopen; 33, or one of 257, are refused', () => {
    const ok = typed([`docker run -d busybox sleep ${numbers(30).join(' ')} ${'x'.repeat(256)}`]);
    expect(ok.exit).toBe(0);
    expect(expectReopens(ok.store).containers[0]?.command).toHaveLength(32);
    expect(typed([`docker run -d busybox sleep ${numbers(32).join(' ')}`]).out).toBe(
      "docker: the lab keeps commands of at most 32 arguments.\nSee 'docker run --help'.\n",
    );
    expect(typed([`docker run -d busybox sleep ${'1'.repeat(257)}`]).out).toBe(
      "docker: the lab keeps command arguments of at most 256 characters.\nSee 'docker run --help'.\n",
    );
  });
});

describe('remote machines', () => {
  it('32 remotes of 16 listeners save and reopen; the 33rd remote or a 17th port is refused', () => {
    const { store } = typed([]);
    const have = store.getState().world.remotes.length;
    const lines = numbers(LIMITS.remotes - have).map(
      (i) => `lab remote add r${i} 198.51.100.${100 + Number(i)} ${numbers(16, 8000).join(' ')}`,
    );
    expect(typed(lines, store).exit).toBe(0);
    expect(expectReopens(store).remotes).toHaveLength(32);
    expect(typed(['lab remote add one-more 198.51.100.99'], store).out).toBe(
      'lab: the lab holds at most 32 remote machines\n',
    );
    expect(typed([`lab remote add r 198.51.100.9 ${numbers(17).join(' ')}`]).out).toBe(
      'lab: a remote machine in the lab listens on at most 16 ports\n',
    );
  });
  it("a remote never holds the host's or the router's address: the parser refuses one too", () => {
    const { store, out } = typed(['lab remote add r1 192.0.2.10']);
    expect(out).toBe('lab: address 192.0.2.10 is already in use\n');
    // Readdressing the host onto a remote's address is refused the same way.
    const host = typed(['lab remote add r1 192.0.2.50', 'lab host eth0 192.0.2.50/24']);
    expect(host.out).toBe('lab: address 192.0.2.50 is already in use\n');
    const doc = toStored({ world: store.getState().world }) as {
      world: { remotes: { ip: string }[]; host: { eth0: { ip: string } } };
    };
    doc.world.remotes[0]!.ip = doc.world.host.eth0.ip;
    expect(decodeFile(JSON.stringify(doc))).toEqual({
      ok: false,
      error: 'world: inconsistent lab: address 192.0.2.10 is already in use',
    });
  });
});

describe('networks', () => {
  it('16 networks on a container and 64 in all save and reopen; one more is refused', () => {
    const { store } = typed([
      ...numbers(15).map((i) => `docker network create n${i}`),
      'docker run -d --name c busybox sleep 1d',
      ...numbers(15).map((i) => `docker network connect n${i} c`),
    ]);
    expect(expectReopens(store).containers[0]?.endpoints).toHaveLength(16);
    expect(typed(['docker network create n16', 'docker network connect n16 c'], store).out).toBe(
      'docker: a container in the lab joins at most 16 networks\n',
    );
    const all = typed(
      numbers(61).map((i) => `docker network create --subnet 10.${i}.0.0/24 m${i}`),
    );
    expect(all.exit).toBe(0);
    expect(expectReopens(all.store).networks).toHaveLength(64);
    expect(typed(['docker network create --subnet 10.99.0.0/24 m99'], all.store).out).toBe(
      'docker: the lab holds at most 64 networks (bridge, host and none included)\n',
    );
  });
});

describe("the host's address", () => {
  it('lab host eth0 …/0 is refused; /1 saves and reopens', () => {
    expect(typed(['lab host eth0 192.0.2.10/0']).out).toBe(
      "lab: the lab's host needs a prefix of /1 to /32 on eth0 (a /0 puts every address on its link)\n",
    );
    const ok = typed(['lab host eth0 192.0.2.10/1']);
    expect(ok.exit).toBe(0);
    expect(expectReopens(ok.store).host.eth0.prefix).toBe(1);
  });
});

describe('URL paths', () => {
  const web = ['docker run -d --name w -p 8080:80 nginx'];
  it('curl refuses a space as curl 7.88.1 does (exit 3)', () => {
    const r = typed([...web, 'curl "http://127.0.0.1:8080/a b"']);
    expect([r.exit, r.out]).toEqual([3, 'curl: (3) URL using bad/illegal format or missing URL\n']);
    expectReopens(r.store);
  });
  it('curl writes non-ASCII as lowercase %xx, GNU wget as uppercase %XX; the flow reopens', () => {
    const c = typed([...web, 'curl -sv http://127.0.0.1:8080/名é -o /dev/null']);
    expect(c.out).toContain('> GET /%e5%90%8d%c3%a9 HTTP/1.1');
    expect(c.store.getState().flow?.path).toBe('/%e5%90%8d%c3%a9');
    expectReopens(c.store);
    const w = typed([...web, 'wget -q -O- "http://127.0.0.1:8080/a b名"']);
    expect(w.store.getState().flow?.path).toBe('/a%20b%E5%90%8D');
    expectReopens(w.store);
  });
  it('busybox wget sends the path as typed; a space and non-ASCII reopen too', () => {
    const r = typed([
      ...web,
      'docker run -itd --name c busybox',
      'docker exec c wget -q -O- "http://172.17.0.2/a b名"',
    ]);
    expect(r.store.getState().flow?.path).toBe('/a b名');
    expectReopens(r.store);
  });
});

describe('port 0', () => {
  it('nc refuses it as netcat-openbsd 1.219 does; 65536 is too large', () => {
    expect(typed(['nc -zv 127.0.0.1 0'])).toMatchObject({
      exit: 1,
      out: 'nc: port number too small: 0\n',
    });
    expect(typed(['nc -zv 127.0.0.1 65536']).out).toBe('nc: port number too large: 65536\n');
  });
  it('curl tries it and the connection is refused, as on Linux: that flow saves and reopens', () => {
    const r = typed(['curl http://127.0.0.1:0/']);
    expect(r.exit).toBe(7);
    expect(r.store.getState().flow?.port).toBe(0);
    expectReopens(r.store);
  });
});

describe('names that are JavaScript object members', () => {
  for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
    it(`a bridge, a container and a remote named ${name} ping, stop, rm, save and reopen`, () => {
      const { store } = typed([
        `docker network create -o com.docker.network.bridge.name=${name} n1`,
        `docker run -d --name ${name} --network n1 busybox sleep 1d`,
        'docker run -d --name peer --network n1 busybox sleep 1d',
        `lab remote add ${name} 198.51.100.77 80`,
      ]);
      const ping = typed([`docker exec ${name} ping -c 1 peer`], store);
      expect([ping.exit, ping.out]).toEqual([0, expect.stringContaining('1 packets received')]);
      expect(typed([`lab from ${name} ping -c 1 192.0.2.10`], store).exit).toBe(0);
      expect(store.getState().world.fdb[name]).toHaveLength(2);
      expectReopens(store);
      expect(typed([`docker stop ${name}`], store)).toMatchObject({ exit: 0, out: `${name}\n` });
      expect(typed(['docker rm -f peer'], store)).toMatchObject({ exit: 0, out: 'peer\n' });
      expect(store.getState().world.fdb[name]).toEqual([]);
      expectReopens(store);
    });
  }
});

describe('the limits themselves', () => {
  it('every scenario, in both profiles, and a fresh host are within them', () => {
    const worlds = [
      createWorld(),
      ...SCENARIOS.flatMap((s) => [buildScenario(s, 'docker-27'), buildScenario(s, 'docker-29')]),
    ];
    expect(worlds.flatMap(labProblems)).toEqual([]);
  });
});
