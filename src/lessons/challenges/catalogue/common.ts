// Pieces the challenges share: the client and server of the default outside world, the goal flows.
import type { Flow, PortRequest } from '../../../sim';
import type { Step } from '../../../scenarios';
import { HOST_IP, SERVER_IP, addr } from '../../catalogue/common';

export { t } from '../../catalogue/common';

export const CLIENT = 'client';
export const WEB_IP = addr('172.17.0.2');

export const publishOn = (hostIp: string | null, hostPort: number, port: number): PortRequest => ({
  hostIp: hostIp === null ? null : addr(hostIp),
  hostPort,
  containerPort: port,
  proto: 'tcp',
});

/** `curl http://192.0.2.10:8080/` from the client outside, through the router. */
export const clientToPublished: Flow = {
  from: { kind: 'remote', name: CLIENT },
  to: HOST_IP,
  kind: 'http',
  port: 8080,
};

/** `docker exec NAME wget -qO- http://198.51.100.7/`: a container reaching the internet. */
export const containerToServer = (name: string): Flow => ({
  from: { kind: 'container', name },
  to: SERVER_IP,
  kind: 'http',
  port: 80,
});

/** `docker run -dit --name app busybox`: a container with a shell and nothing else. */
export const runApp: Step = {
  op: 'run',
  opts: { image: 'busybox', name: 'app', detach: true, tty: true, interactive: true },
};

/** A command line as the terminal reads it, split for a scenario's `iptables` step. */
export const iptables = (line: string): Step => ({ op: 'iptables', args: line.split(' ') });
