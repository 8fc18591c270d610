// The simulation core's public API. Pure TypeScript: no React, D3, Zustand, DOM, no clock, no ambient randomness.
export * from './addr';
export type * from './types';
export { DEFAULT_PROFILE, PROFILES, RELEASES, profileNamed, type Release } from './releases';
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
export { nodeId, parseNodeId, type ParsedNode } from './node';
export {
  namespacesOf,
  namespaceOf,
  isLocal,
  lookupRoute,
  type Namespace,
  type Namespaces,
  type Device,
  type DeviceKind,
  type Route,
} from './netns';
export { createWorld, DEFAULT_SEED, remoteGateway, type WorldOptions } from './world';
export { IMAGES, findImage, hasExecutable, lookPathError, type ImageInfo } from './images';
export { parsePortSpec, parsePortSpecs, EPHEMERAL_RANGE } from './ports';
export type { DockerError, OpResult } from './ops/result';
export { findContainer, findNetwork, netnsOwner } from './ops/lookup';
export type { RunOptions } from './ops/containers';
export type { NetworkCreateOptions } from './ops/networks';
export type { SysctlKey, RemoteOptions } from './ops/host';
export type { DaemonRestart } from './ops/bip';
export { readSysctl, advanceClock, rebuildNetfilter, SYSCTLS } from './ops/host';
export * from './ops/user';

export {
  LIMITS,
  NAME_PATTERN,
  REMOTE_NAME_PATTERN,
  IFNAME_PATTERN,
  MTU,
  isControl,
  labProblems,
  flowProblem,
} from './limits';
export { own } from './own';
export { SYN_GIVE_UP_S } from './syn-tries';
export { simulate } from './walk/simulate';
export { listeningAt, type Listening } from './walk/sockets';
export { serverOf, type Server } from './serve';
export {
  INTERNET_LINK,
  INTERNET_LISTENERS,
  RESOLVERS,
  internetPrefixes,
  lookupPublicName,
} from './internet';
export { hostNameservers, queryServer, resolveFrom, resolveInContainer } from './resolve';
export { CHAPTERS, hopChapters, keyMoments, type Chapter, type Moment } from './moments';
export {
  creationSteps,
  type CreationStep,
  type CreationStepKind,
  type CreationFacts,
} from './creation';
export { checkJumps, type JumpRefusal } from './netfilter/jumps';
export { WHY_EN, fill, type WhyKey, type WhyParams } from './messages';
export { ifStatsOf, seenOf } from './walk/state';
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
