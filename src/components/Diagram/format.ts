// Small text formats shared by the diagram: how Docker prints a published port.
import type { PortBinding } from '../../sim';

/** `0.0.0.0:8080->80/tcp`, as `docker ps` prints it. */
export const portText = (b: PortBinding): string =>
  `${b.hostIp ?? '0.0.0.0'}:${b.hostPort}->${b.containerPort}/${b.proto}`;
