// The simulation core's public API. Pure TypeScript: no React, D3, Zustand, DOM, no clock, no ambient randomness.
export * from './addr';
export type * from './types';
export { NUD_STATES, TCP_CT_STATES } from './types';
export {
  neighAt,
  neighState,
  neighTimer,
  isValid,
  inTimer,
  DELAY_FIRST_PROBE,
  REACHABLE_TIME,
  UCAST_PROBES,
} from './neigh';
export type * from './trace';
export { createWorld, DEFAULT_SEED, type WorldOptions } from './world';
export { IMAGES, findImage, type ImageInfo } from './images';
export { parsePortSpec, parsePortSpecs, EPHEMERAL_RANGE } from './ports';
export type { DockerError, OpResult } from './ops/result';
export { findContainer, findNetwork, netnsOwner } from './ops/lookup';
export {
  runContainer,
  startContainer,
  stopContainer,
  removeContainer,
  type RunOptions,
} from './ops/containers';
export {
  createNetwork,
  removeNetwork,
  connectNetwork,
  disconnectNetwork,
  type NetworkCreateOptions,
} from './ops/networks';
export {
  setDaemonOptions,
  setSysctl,
  readSysctl,
  setHostAddress,
  addRemote,
  removeRemote,
  advanceClock,
  addRouterRoute,
  rebuildNetfilter,
  SYSCTLS,
  type SysctlKey,
  type RemoteOptions,
} from './ops/host';
export { simulate } from './walk/simulate';
export {
  creationSteps,
  type CreationStep,
  type CreationStepKind,
  type CreationFacts,
} from './creation';
export { WHY_EN, formatWhy, type WhyKey } from './messages';
export { ifStatsOf } from './walk/state';
/** iptables' own number format for counters (`1234K`), as `-L -v` prints them. */
export { formatCounter } from './netfilter/list';
/** A table's chains in the order iptables lists them (built-ins first, then user chains). */
export { chainsInOrder } from './netfilter/order';
/** A rule as `iptables -S` writes it, without `-A CHAIN`. */
export { ruleSpec } from './netfilter/save';
/** World checks a lab file must pass: the ones the fuzzer asserts after every operation. */
export { checkAddresses, checkBindings, checkIdentity } from './properties/invariants-world';
/** A person's own `iptables -A/-I/-D/-C/-P/-N/-X/-F/-Z`, applied as the kernel answers it. */
export { editIptables, type IptablesResult } from './ops/iptables';
export type { IptablesEdit, EditRefusal, RuleBody } from './netfilter/edit';
