// fast-check generators of Docker-host histories: operations, settings and flows. Tests only; pure data.
import fc from 'fast-check';
import { IMAGES } from '../images';
import type { FlowKind } from '../trace';
import type { Profile } from '../types';
import type { FlowFrom, FlowSpec, Scenario, Step } from './scenario';

/** Container names avoid hex letters only, so a missing name never resolves as an id prefix. */
export const CONTAINER_NAMES = ['web', 'app', 'cli', 'srv', 'job'] as const;
export const NETWORK_NAMES = ['front', 'back', 'mid'] as const;

const containerName = fc.constantFrom(...CONTAINER_NAMES);
const networkRef = fc.constantFrom(...NETWORK_NAMES, 'bridge', 'host', 'none');

/** `-p` texts as a user types them: host IPs, ephemeral, 0, 65535, ranges, clashes on 8080. */
export const portSpec: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '', '', '127.0.0.1', '192.0.2.10', '0.0.0.0'),
    fc.constantFrom(
      '',
      '',
      '0',
      '8080',
      '8080',
      '8081',
      '80',
      '53',
      '65535',
      '32768',
      '60999',
      '8080-8081',
    ),
    fc.constantFrom('80', '80', '80', '53', '5000', '6379', '65535', '1', '80-81'),
    fc.constantFrom('', '', '/tcp', '/udp'),
  )
  .map(([ipPart, hostPart, containerPart, proto]) => {
    const c = `${containerPart}${proto}`;
    if (ipPart !== '') return `${ipPart}:${hostPart}:${c}`;
    return hostPart === '' ? c : `${hostPart}:${c}`;
  });

const runStep: fc.Arbitrary<Step> = fc
  .record({
    image: fc.constantFrom(...IMAGES.map((i) => i.name), 'nginx', 'nginx', 'no-such-image'),
    name: fc.option(containerName, { nil: undefined, freq: 6 }),
    network: fc.option(
      fc.constantFrom(
        'bridge',
        'host',
        'none',
        'default',
        ...NETWORK_NAMES,
        ...CONTAINER_NAMES.map((n) => `container:${n}`),
      ),
      { nil: undefined, freq: 3 },
    ),
    publish: fc.array(portSpec, { maxLength: 3 }),
    publishAll: fc.boolean(),
    tty: fc.boolean(),
    autoRemove: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, fc.constant(true)),
    echo: fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, fc.constant(true)),
  })
  .map(({ echo, ...r }) => ({
    op: 'run' as const,
    ...r,
    ...(echo ? { command: ['echo', 'hi'] } : {}),
  }));

const SUBNETS = [
  '10.0.0.0/24',
  '10.0.0.0/16',
  '10.0.1.0/24',
  '10.0.0.0/30',
  '10.0.0.0/31',
  '10.9.9.9/32',
  '172.18.0.0/16',
  '172.17.5.0/24',
  '192.168.0.0/20',
  '192.0.2.0/24',
];

const networkCreate: fc.Arbitrary<Step> = fc
  .record({
    name: fc.constantFrom(...NETWORK_NAMES, 'bridge', 'bad name'),
    subnet: fc.option(fc.constantFrom(...SUBNETS), { nil: undefined, freq: 2 }),
    gateway: fc.option(fc.constantFrom('10.0.0.1', '10.0.0.254', '10.0.0.2', '172.18.0.1'), {
      nil: undefined,
      freq: 5,
    }),
    icc: fc.option(fc.constantFrom('true', 'false'), { nil: undefined, freq: 3 }),
    masquerade: fc.option(fc.constantFrom('true', 'false'), { nil: undefined, freq: 4 }),
  })
  .map((r) => ({ op: 'net-create' as const, ...r }));

const hostSetting: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('daemon' as const),
    icc: fc.option(fc.boolean(), { nil: undefined }),
    userlandProxy: fc.option(fc.boolean(), { nil: undefined }),
  }),
  fc.record({
    op: fc.constant('sysctl' as const),
    key: fc.constantFrom(
      'net.ipv4.ip_forward' as const,
      'net.bridge.bridge-nf-call-iptables' as const,
    ),
    value: fc.constantFrom('0' as const, '1' as const, '1' as const),
  }),
  fc.record({ op: fc.constant('clock' as const), seconds: fc.constantFrom(1, 5, 31, 121, 500000) }),
);

const lifecycle: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constantFrom('start' as const, 'stop' as const), ref: containerName }),
  fc.record({ op: fc.constant('rm' as const), ref: containerName, force: fc.boolean() }),
  fc.record({ op: fc.constant('net-rm' as const), ref: networkRef }),
  fc.record({
    op: fc.constantFrom('connect' as const, 'disconnect' as const),
    net: networkRef,
    ctr: containerName,
  }),
);

/** Addresses a flow may aim at: the host, loopback, likely container addresses, the outside. */
const TARGET_IPS = [
  '192.0.2.10',
  '127.0.0.1',
  '172.17.0.1',
  '172.17.0.2',
  '172.17.0.3',
  '172.18.0.2',
  '10.0.0.2',
  '198.51.100.7',
  '203.0.113.5',
  '192.0.2.1',
  '192.0.2.99',
];

const flowSource: fc.Arbitrary<FlowFrom> = fc.oneof(
  fc.constant({ kind: 'host' as const }),
  fc.nat(3).map((nth) => ({ kind: 'running' as const, nth })),
  fc.nat(3).map((nth) => ({ kind: 'running' as const, nth })),
  fc.constantFrom('client', 'server').map((name) => ({ kind: 'remote' as const, name })),
  containerName.map((name) => ({ kind: 'container' as const, name })),
);

export const flowSpec: fc.Arbitrary<FlowSpec> = fc.record({
  from: flowSource,
  to: fc.oneof(
    fc.constantFrom(...TARGET_IPS).map((ip) => ({ kind: 'ip' as const, ip })),
    fc.record({ kind: fc.constant('container' as const), name: containerName, nth: fc.nat(1) }),
    fc.record({ kind: fc.constant('running' as const), nth: fc.nat(3), ep: fc.nat(1) }),
  ),
  kind: fc.constantFrom<FlowKind>('ping', 'tcp', 'http', 'http', 'udp'),
  port: fc.constantFrom(80, 80, 80, 8080, 8080, 8081, 53, 5000, 6379, 81, 1, 65535, 32768),
  count: fc.integer({ min: 1, max: 2 }),
});

export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: runStep },
  { weight: 3, arbitrary: lifecycle },
  { weight: 2, arbitrary: networkCreate },
  { weight: 1, arbitrary: hostSetting },
  { weight: 4, arbitrary: flowSpec.map((flow) => ({ op: 'flow' as const, flow })) },
);

/** A few named services that start cleanly, so later steps have something to talk to. */
const setup: fc.Arbitrary<Step[]> = fc.uniqueArray(
  fc.record({
    op: fc.constant('run' as const),
    image: fc.constantFrom('nginx', 'nginx', 'busybox', 'httpd', 'training/webapp', 'redis'),
    name: containerName,
    network: fc.constantFrom(undefined, undefined, 'front', 'host'),
    publish: fc.array(portSpec, { maxLength: 2 }),
    publishAll: fc.boolean(),
    tty: fc.constant(true),
    autoRemove: fc.constant(false),
  }),
  { selector: (r) => r.name, maxLength: 3 },
);

const networkFirst: Step = {
  op: 'net-create',
  name: 'front',
  subnet: undefined,
  gateway: undefined,
  icc: undefined,
  masquerade: undefined,
};

/** A whole history: profile, daemon flags at start, world seed, a setup and up to `maxSteps` steps. */
export function scenario(maxSteps = 20, opsOnly = false): fc.Arbitrary<Scenario> {
  const s = opsOnly ? step.filter((x) => x.op !== 'flow') : step;
  return fc.record({
    profile: fc.constantFrom<Profile>('docker-27', 'docker-29'),
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    icc: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
    userlandProxy: fc.boolean(),
    steps: fc
      .tuple(
        fc.nat(2).map((n) => n > 0),
        setup,
        fc.array(s, { minLength: 1, maxLength: maxSteps, size: 'max' }),
      )
      .map(([net, first, rest]) => [...(net ? [networkFirst] : []), ...first, ...rest]),
  });
}
