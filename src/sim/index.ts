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
export { checkJumps, type JumpRefusal } from './netfilter/jumps';
export { WHY_EN, formatWhy, type WhyKey } from './messages';
export { ifStatsOf } from './walk/state';
