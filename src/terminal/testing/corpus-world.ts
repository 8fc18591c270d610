// For the recorded corpus (scripts/record-terminal.ts, src/terminal/corpus.test.ts): the reference
// host with empty neighbour, bridge and conntrack tables, and the lines run on it (in the real
// namespaces and in the lab alike) before any case, so both hold the same dynamic state.
import type { World } from '../../sim';
import { referenceHost } from './reference-host';

export type Where = 'host' | 'c1' | 'c2';

export interface CorpusLine {
  readonly where: Where;
  readonly line: string;
}

export function corpusWorld(): World {
  return { ...referenceHost(), neigh: {}, fdb: {}, conntrack: [] };
}

export const SETUP: readonly CorpusLine[] = [
  { where: 'host', line: 'ping -c 1 172.17.0.2' },
  { where: 'host', line: 'ping -c 1 172.17.0.3' },
  { where: 'c1', line: 'ping -c 1 172.17.0.3' },
];
