// Named labs as plain data: the setup steps and the flows to send. Shared by tests, e2e and lessons.
import type { Flow } from '../sim';
import type {
  NetworkCreateOptions,
  RemoteOptions,
  RunOptions,
  DaemonRestart,
  Profile,
} from '../sim';

export type Step =
  | { readonly op: 'run'; readonly opts: RunOptions }
  | { readonly op: 'stop'; readonly name: string }
  /** `docker rm [-f] NAME` (a break-fix challenge republishes a container). */
  | { readonly op: 'rm'; readonly name: string; readonly force?: boolean }
  | { readonly op: 'network-create'; readonly opts: NetworkCreateOptions }
  | { readonly op: 'connect'; readonly network: string; readonly container: string }
  | { readonly op: 'disconnect'; readonly network: string; readonly container: string }
  | { readonly op: 'daemon'; readonly patch: DaemonRestart }
  /** `docker start NAME` (after a daemon restart stopped it). */
  | { readonly op: 'start'; readonly name: string }
  | {
      readonly op: 'sysctl';
      readonly key: 'net.ipv4.ip_forward' | 'net.bridge.bridge-nf-call-iptables';
      readonly value: '0' | '1';
    }
  | { readonly op: 'remote'; readonly opts: RemoteOptions }
  | { readonly op: 'router-route'; readonly dst: string; readonly via: string }
  /** A person's own rule change, in iptables' words after `iptables` (e.g. `-I DOCKER-USER …`). */
  | { readonly op: 'iptables'; readonly args: readonly string[] };

export interface Scenario {
  readonly id: string;
  readonly title: string;
  /** Profiles the scenario is meaningful for (default: both). */
  readonly profiles?: readonly Profile[];
  readonly setup: readonly Step[];
  readonly flows: readonly Flow[];
}
