// Cases of the recorded corpus the lab does not match yet, with why (src/terminal/README.md lists
// them too). corpus.test.ts runs these as it.fails: a fix turns its test red until it is removed here.
import type { CorpusLine } from './testing/corpus-world';

const KNOWN: readonly (readonly [reason: string, cases: readonly string[]])[] = [
  [
    "ip -d addr|link: the recorder's eth0 is a TAP (`tun type tap … persist on`), the lab's a NIC; the lab does not model -d's link details (promiscuity, gso sizes, bridge and bridge_slave attributes with their timers) and says so",
    ['host: ip -d addr', 'host: ip -d link'],
  ],
];

const index = new Map<string, string>();
for (const [reason, cases] of KNOWN) for (const c of cases) index.set(c, reason);

/** Why the lab does not match this case yet, or undefined when it must match. */
export function knownMismatch(c: CorpusLine): string | undefined {
  return index.get(`${c.where}: ${c.line}`);
}

/** Every known case with its reason, for the README's list. */
export const KNOWN_MISMATCHES = KNOWN;
