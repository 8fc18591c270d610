// The lab's bound on iptables work per packet (walk/netfilter.ts spends it).
/**
 * How much iptables work the lab does for one packet. The kernel has no such limit (it refuses
 * loops and nesting past its jump stack at load, `netfilter/jumps.ts`, and otherwise walks every
 * path), but an acyclic graph of chains that each jump twice to the next has 2^depth paths, and each
 * jump is a hop the lab shows. dockerd's own rules enter under 10 chains per packet and test one
 * rule per published port (a shared chain holds at most 8,192), so these are far above any lab
 * dockerd makes: a packet that needs more is dropped with `drop.nf-budget`, and the trace says
 * why. Measured: the 2^18-path graph of issue 17 now costs ~10 ms per packet instead of 50 s.
 */
export const NF_BUDGET = { rules: 65_536, chains: 256 } as const;

/** A fresh budget, for each packet the walk sends. */
export const fullBudget = (): { rules: number; chains: number } => ({ ...NF_BUDGET });
