// Building blocks shared by the lesson data: ports, flows, the article's two containers.
import type { IPv4, PortRequest } from '../../sim';
import type { Flow } from '../../sim';
import type { Mistake, SetupAction, Text } from '../types';

export const publish = (hostPort: number, containerPort: number): PortRequest => ({
  hostIp: null,
  hostPort,
  containerPort,
  proto: 'tcp',
});

export const addr = (s: string) => s as IPv4;

export const t = (en: string, zh: string): Text => ({ en, 'zh-CN': zh });

/** c1 = nginx publishing 8080→80 (172.17.0.2), c2 = busybox (172.17.0.3): the article's picture. */
export const C1_C2: readonly SetupAction[] = [
  {
    op: {
      op: 'run',
      opts: { image: 'nginx', name: 'c1', detach: true, ports: [publish(8080, 80)] },
    },
  },
  {
    op: {
      op: 'run',
      opts: { image: 'busybox', name: 'c2', detach: true, tty: true, interactive: true },
    },
  },
];

export const HOST_IP = addr('192.0.2.10');
export const SERVER_IP = addr('198.51.100.7');

export const clientHttp = (port: number, to: IPv4 = HOST_IP): Flow => ({
  from: { kind: 'remote', name: 'client' },
  to,
  kind: 'http',
  port,
});

export const fromContainer = (name: string, to: IPv4, kind: Flow['kind'], port?: number): Flow =>
  port === undefined
    ? { from: { kind: 'container', name }, to, kind, count: 1 }
    : { from: { kind: 'container', name }, to, kind, port };

/** Feedback that only restates the engine's answer: for questions whose lesson text explains the why. */
export const RIGHT = t('Right: {answer}.', '答对了：{answer}。');

/** A wrong answer and why it is wrong. */
export const miss = (id: string, en: string, zh: string): Mistake => ({ id, why: t(en, zh) });
