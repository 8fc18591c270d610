// The order iptables prints tables and chains in. Pure; reads Netfilter, changes nothing.
import type { Chain, Netfilter, Table, TableName } from '../types';

/** Built-in chains of each table, in hook order (how iptables lists them). */
export const BUILTIN_CHAINS: { readonly [T in TableName]: readonly string[] } = {
  raw: ['PREROUTING', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
};

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
 * The chains `iptables -t T` shows: a table nothing has created yet (raw before Docker 28) still
 * lists its built-in chains, empty, policy ACCEPT, because asking for it creates it.
 */
export function listedChains(nf: Netfilter, table: TableName): readonly Chain[] {
  const t = nf[table];
  if (t.chains.length > 0) return chainsInOrder(t);
  return BUILTIN_CHAINS[table].map((name) => ({
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
