// The order iptables prints tables and chains in. Pure; reads Netfilter, changes nothing.
import type { Chain, Netfilter, Table, TableName } from '../types';

/** Built-in chains of each table, in hook order (how iptables lists them). */
export const BUILTIN_CHAINS: { readonly [T in TableName]: readonly string[] } = {
  raw: ['PREROUTING', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/**
 * Every table iptables knows. The lab models raw, nat and filter; Docker writes nothing to mangle
 * and security, so they exist for iptables only as their built-in chains (iptables-nft shows those
 * for a table the kernel lacks, and listing it does not create it: a bare iptables-save skips it).
 */
export type IptablesTable = TableName | 'mangle' | 'security';

export const IPTABLES_BUILTINS: { readonly [T in IptablesTable]: readonly string[] } = {
  ...BUILTIN_CHAINS,
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

export const isIptablesTable = (t: string): t is IptablesTable =>
  Object.hasOwn(IPTABLES_BUILTINS, t);

/** The lab's model of an iptables table; null for the ones it never fills (mangle, security). */
export const modelled = (nf: Netfilter, table: IptablesTable): Table | null =>
  table === 'mangle' || table === 'security' ? null : nf[table];

/** iptables-nft's table order (enum nft_table_type: mangle, security, raw, filter, nat). */
export const SAVE_TABLE_ORDER: readonly TableName[] = ['raw', 'filter', 'nat'];

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Built-in chains in hook order, then user chains sorted by name (as libiptc/iptables-nft do). */
export function chainsInOrder(table: Table): readonly Chain[] {
  const builtins = BUILTIN_CHAINS[table.name];
  const rank = (c: Chain): number => {
    const i = builtins.indexOf(c.name);
    return i < 0 ? builtins.length : i;
  };
  return table.chains
    .slice()
    .sort(
      (a, b) => rank(a) - rank(b) || (rank(a) < builtins.length ? 0 : byteOrder(a.name, b.name)),
    );
}

/**
 * The chains `iptables -t T` (and `iptables-save -t T`) show: a table nothing has created (raw
 * before Docker 28, mangle, security) still lists its built-in chains, empty, policy ACCEPT;
 * iptables-nft makes them up for the listing without creating the table.
 */
export function listedChains(nf: Netfilter, table: IptablesTable): readonly Chain[] {
  const t = modelled(nf, table);
  if (t && t.chains.length > 0) return chainsInOrder(t);
  return IPTABLES_BUILTINS[table].map((name) => ({
    name,
    policy: 'ACCEPT',
    pkts: 0,
    bytes: 0,
    rules: [],
  }));
}

/** How many rules in the table jump to this chain: the `(N references)` of `iptables -L`. */
export function references(table: Table, chain: string): number {
  let n = 0;
  for (const c of table.chains) {
    for (const r of c.rules) if (r.target.kind === 'JUMP' && r.target.chain === chain) n++;
  }
  return n;
}
