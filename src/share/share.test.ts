import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, buildScenario } from '../scenarios';
import { simulate, type Netfilter, type World } from '../sim';
import { decodeFile, decodeFragment, encodeFile, encodeFragment } from './codec';
import { parseLab } from './document';
import { toStored } from './compact';
import { LIMITS } from './limits';

/** What a shared world comes back as: the same, with every counter at zero. */
function countersZeroed(w: World): World {
  const zero = (t: Netfilter['raw']) => ({
    ...t,
    chains: t.chains.map((c) => ({
      ...c,
      pkts: 0,
      bytes: 0,
      rules: c.rules.map((r) => ({ ...r, pkts: 0, bytes: 0 })),
    })),
  });
  return {
    ...w,
    ifStats: {},
    netfilter: {
      raw: zero(w.netfilter.raw),
      nat: zero(w.netfilter.nat),
      filter: zero(w.netfilter.filter),
    },
  };
}

const labs = (['docker-27', 'docker-29'] as const).flatMap((profile) =>
  SCENARIOS.map((s) => {
    const built = buildScenario(s, profile);
    const flow = s.flows[0]!;
    return { name: `${s.id} (${profile})`, world: simulate(built, flow).world, flow };
  }),
);
const sample = labs.find((l) => l.name.startsWith('outside-to-published-port'))!;
const stored = () =>
  JSON.parse(JSON.stringify(toStored({ world: sample.world }))) as Record<string, unknown>;

async function fragmentOf(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
  const s = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const packed = new Uint8Array(await new Response(s).arrayBuffer());
  return `#lab=${Buffer.from(packed).toString('base64url')}`;
}

describe('round trip', () => {
  it.each(labs.map((l) => [l.name, l] as const))(
    '%s: link → same lab, same next walk',
    async (_, l) => {
      const doc = {
        world: l.world,
        flow: l.flow,
        cursor: { packet: 1, hop: 3 },
        lesson: { id: 'inbound', step: 2 },
        lang: 'zh-CN' as const,
      };
      const back = await decodeFragment(await encodeFragment(doc));
      if (!back.ok) throw new Error(back.error);
      expect(back.value.world).toEqual(countersZeroed(l.world));
      expect(back.value).toMatchObject({
        flow: l.flow,
        cursor: doc.cursor,
        lesson: doc.lesson,
        lang: 'zh-CN',
      });
      // The walk is the same hop for hop; only the counters it reports (and the tables each hop
      // saw, counters included) started again from zero.
      const walk = (w: World) =>
        JSON.stringify(simulate(w, l.flow).packets, (k, v: unknown) =>
          k === 'counters' || k === 'seen' ? undefined : v,
        );
      expect(walk(back.value.world)).toBe(walk(l.world));
    },
  );
  it.each(labs.map((l) => [l.name, l] as const))('%s: file → same lab', (_, l) => {
    const back = decodeFile(encodeFile({ world: l.world }));
    if (!back.ok) throw new Error(back.error);
    expect(back.value.world).toEqual(countersZeroed(l.world));
  });
  it('leaves out the rules dockerd would install anyway, and keeps rules it would not', () => {
    expect(stored()['world']).not.toHaveProperty('netfilter');
    const odd = {
      ...sample.world,
      netfilter: { ...sample.world.netfilter, raw: { name: 'raw' as const, chains: [] } },
    };
    const back = decodeFile(encodeFile({ world: odd }));
    expect(back.ok && back.value.world.netfilter.raw.chains).toEqual([]);
  });
  it('keeps a classroom lab link short', async () => {
    expect((await encodeFragment({ world: sample.world, flow: sample.flow })).length).toBeLessThan(
      4000,
    );
  });
});

describe('refused inputs, each with its reason', () => {
  const refuse = async (hash: string) => {
    const r = await decodeFragment(hash);
    expect(r.ok).toBe(false);
    return r.ok ? '' : r.error;
  };
  it('names a version it does not read', async () => {
    expect(await refuse(await fragmentOf({ ...stored(), version: 2 }))).toMatch(
      /unsupported version 2.*version 1/,
    );
    expect(parseLab({ ...stored(), format: 'other' })).toEqual({
      ok: false,
      error: 'format: not a docker-network-lab document',
    });
  });
  it('refuses corrupt, truncated and non-base64 links', async () => {
    const good = await encodeFragment({ world: sample.world });
    expect(await refuse('#lab=')).toMatch(/base64url/);
    expect(await refuse('#lab=***')).toMatch(/base64url/);
    expect(await refuse('#other=1')).toMatch(/no #lab=/);
    // Cut after a whole number of base64 quads, so what is left still decodes as base64url.
    const half = '#lab='.length + Math.floor((good.length - '#lab='.length) / 8) * 4;
    expect(await refuse(good.slice(0, half))).toMatch(/corrupt|truncated|JSON/);
    expect(
      await refuse(`#lab=${Buffer.from('not deflate at all, just text').toString('base64url')}`),
    ).toMatch(/corrupt|JSON/);
    expect(await refuse(await fragmentOf('{"format": "docker-network-lab", '))).toBe(
      'not valid JSON',
    );
  });
  it('refuses oversize links, files and decompression bombs', async () => {
    expect(await refuse(`#lab=${'A'.repeat(LIMITS.fragmentChars + 4)}`)).toMatch(/too long/);
    expect(await refuse(await fragmentOf(' '.repeat(LIMITS.jsonBytes + 10)))).toMatch(
      /too large once unpacked/,
    );
    expect(decodeFile(' '.repeat(LIMITS.jsonBytes + 1))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/too large/),
    });
    const many = stored();
    const w = many['world'] as { containers: unknown[] };
    w.containers = Array.from({ length: LIMITS.containers + 1 }, () => w.containers[0]);
    expect(parseLab(many)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/world.containers: too many items/),
    });
  });
  it('refuses prototype-pollution keys anywhere', () => {
    const text = JSON.stringify(stored()).replace('"neigh":{', '"neigh":{"__proto__":[],');
    expect(decodeFile(text)).toEqual({
      ok: false,
      error: 'world.neigh: forbidden key "__proto__"',
    });
    // `constructor` is a name a bridge may have (its FDB is keyed by it): kept as an own entry.
    const ctor = JSON.stringify(stored()).replace('"fdb":{', '"fdb":{"constructor":[],');
    const opened = decodeFile(ctor);
    expect(opened.ok && Object.hasOwn(opened.value.world.fdb, 'constructor')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  it('refuses bad addresses, unknown fields and dangling references with their path', () => {
    const doc = stored();
    const w = doc['world'] as {
      host: { eth0: { ip: string } };
      containers: { endpoints: { networkId: string; mac: string }[] }[];
    };
    w.host.eth0.ip = '256.1.1.1';
    expect(parseLab(doc)).toEqual({
      ok: false,
      error: 'world.host.eth0.ip: invalid IPv4 address "256.1.1.1"',
    });
    w.host.eth0.ip = '192.0.2.10';
    w.containers[0]!.endpoints[0]!.mac = '02:42:zz:11:00:02';
    expect(parseLab(doc)).toMatchObject({
      error: expect.stringMatching(/endpoints\[0\]\.mac: invalid MAC/),
    });
    w.containers[0]!.endpoints[0]!.mac = '02:42:ac:11:00:02';
    w.containers[0]!.endpoints[0]!.networkId = 'f'.repeat(64);
    expect(parseLab(doc)).toMatchObject({
      error: expect.stringMatching(/endpoints\[0\]\.networkId: not a bridge network/),
    });
    expect(parseLab({ ...stored(), extra: 1 })).toEqual({
      ok: false,
      error: 'document: unknown field "extra"',
    });
    expect(parseLab({ ...stored(), lesson: { id: 'nope', step: 0 } })).toEqual({
      ok: false,
      error: 'lesson.id: no lesson "nope"',
    });
  });
  it('refuses absurd nesting without crashing', () => {
    expect(decodeFile('['.repeat(200_000) + ']'.repeat(200_000)).ok).toBe(false);
  });
  it('never throws, and what it accepts the engine can walk (random corruption)', () => {
    const base = stored();
    const paths: string[][] = [];
    const walk = (v: unknown, p: string[]) => {
      if (p.length > 6) return;
      paths.push(p);
      if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: paths.length - 1 }),
        fc.jsonValue({ maxDepth: 2 }),
        (i, junk) => {
          const doc = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
          const p = paths[i]!;
          if (p.length === 0) return;
          let at: Record<string, unknown> = doc;
          for (const k of p.slice(0, -1)) at = at[k] as Record<string, unknown>;
          at[p[p.length - 1]!] = junk;
          const r = parseLab(doc);
          if (r.ok) simulate(r.value.world, sample.flow);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('neighbour entries', () => {
  type Entry = Record<string, unknown>;
  const withNeigh = (entries: Entry[]) => {
    const doc = stored();
    (doc['world'] as { neigh: Record<string, Entry[]> }).neigh = { host: entries };
    return doc;
  };
  const base = { ip: '172.17.0.2', mac: '02:42:ac:11:00:02', dev: 'docker0' };
  const loadedNeigh = (doc: Record<string, unknown>) => {
    const r = parseLab(doc);
    if (!r.ok) throw new Error(r.error);
    return r.value.world.neigh['host'];
  };

  it('keeps every state the kernel reaches, its timers, and a FAILED address without a MAC', () => {
    const entries = [
      { ...base, state: 'DELAY', updated: 7, confirmed: -53, probes: 0 },
      { ...base, ip: '172.17.0.3', state: 'PROBE', updated: 12, confirmed: 7, probes: 0 },
      {
        ...base,
        ip: '172.17.0.9',
        mac: null,
        state: 'FAILED',
        updated: 3,
        confirmed: -57,
        probes: 6,
      },
    ];
    expect(loadedNeigh(withNeigh(entries))).toEqual(entries);
  });

  it('takes an entry saved before the lab kept timers as set at the file’s clock', () => {
    const doc = withNeigh([{ ...base, state: 'REACHABLE' }]);
    const clock = (doc['world'] as { clock: number }).clock;
    expect(loadedNeigh(doc)).toEqual([
      { ...base, state: 'REACHABLE', updated: clock, confirmed: clock, probes: 0 },
    ]);
  });

  it('refuses a usable state without a MAC, and a state the kernel has not', () => {
    expect(parseLab(withNeigh([{ ...base, mac: null, state: 'STALE' }]))).toEqual({
      ok: false,
      error: 'world.neigh.host[0].mac: a STALE entry needs a MAC address',
    });
    expect(parseLab(withNeigh([{ ...base, state: 'NOARP' }]))).toMatchObject({
      ok: false,
      error: expect.stringContaining('world.neigh.host[0].state'),
    });
  });
});
