// The load-time check of a ruleset's jump graph, as nf_tables makes it (iptables-nft, what the lab
// models): from each built-in chain the kernel follows every jump (nft_chain_validate); a jump that
// would nest a 16th user chain (NFT_JUMP_STACK_SIZE) is refused with EMLINK, so is a loop, which
// nests forever. iptables-nft-restore then prints `line N: RULE_APPEND failed (Too many links): rule
// in chain X`. Checked in a namespace (iptables v1.8.9, kernel 6.18): 15 nested user chains load,
// 16 do not; a chain jumping to itself, or A → B → A, is refused once a built-in chain reaches it;
// a loop nothing reaches loads (the kernel only validates what a hook can enter), and so it does here.
import type { Netfilter, TableName } from '../types';
import { BUILTIN_CHAINS, SAVE_TABLE_ORDER } from './order';

/** nf_tables' jump stack (NFT_JUMP_STACK_SIZE): user chains nest at most this deep minus one. */
export const NFT_JUMP_STACK = 16;

export interface JumpRefusal {
  readonly table: TableName;
  /** The chain holding the refused jump, its index in the table's chain list, the rule's index. */
  readonly chain: string;
  readonly chainIndex: number;
  readonly ruleIndex: number;
  /** `loop`: the jump re-enters a chain it came from; `depth`: it nests a 16th user chain. */
  readonly kind: 'loop' | 'depth';
  /** What iptables-nft-restore prints for that rule. */
  readonly message: string;
}

/**
 * The first jump nf_tables would refuse, or null. Linear in rules: each chain's deepest nesting is
 * computed once (a chain reached twice is not walked twice), so no graph can make this slow.
 */
export function checkJumps(nf: Netfilter): JumpRefusal | null {
  for (const table of SAVE_TABLE_ORDER) {
    const found = checkTable(nf, table);
    if (found) return found;
  }
  return null;
}

function checkTable(nf: Netfilter, table: TableName): JumpRefusal | null {
  const chains = nf[table].chains;
  const index = new Map<string, number>();
  chains.forEach((c, i) => index.set(c.name, i));
  // height[i]: user chains on the longest path of jumps starting at chain i, itself included.
  const height = new Array<number>(chains.length).fill(-1);
  const onPath = new Array<boolean>(chains.length).fill(false);
  let refusal: JumpRefusal | null = null;
  const refuse = (from: number, rule: number, kind: JumpRefusal['kind']): void => {
    const chain = chains[from]?.name ?? '';
    refusal = {
      table,
      chain,
      chainIndex: from,
      ruleIndex: rule,
      kind,
      message: `RULE_APPEND failed (Too many links): rule in chain ${chain}`,
    };
  };
  // Returns the chain's height, or -1 once a refusal is found. Recursion depth ≤ the chain count.
  const visit = (at: number): number => {
    const known = height[at] as number;
    if (known >= 0) return known;
    onPath[at] = true;
    let h = 1;
    const rules = chains[at]?.rules ?? [];
    for (let r = 0; r < rules.length; r++) {
      const t = (rules[r] as (typeof rules)[number]).target;
      if (t.kind !== 'JUMP') continue;
      const to = index.get(t.chain);
      if (to === undefined) continue;
      if (onPath[to]) {
        refuse(at, r, 'loop');
        return -1;
      }
      const below = visit(to);
      if (below < 0) return -1;
      h = Math.max(h, below + 1);
    }
    onPath[at] = false;
    height[at] = h;
    return h;
  };
  for (const root of BUILTIN_CHAINS[table]) {
    const at = index.get(root);
    if (at === undefined) continue;
    if (visit(at) < 0) return refusal;
    // The built-in chain is level 0: the user chains under it are its height minus itself.
    if ((height[at] as number) - 1 >= NFT_JUMP_STACK) {
      refuseDeepest(at, NFT_JUMP_STACK - 1);
      return refusal;
    }
  }
  return null;

  // Follows the deepest path down to the chain at `level` and blames its jump into the next one.
  function refuseDeepest(at: number, level: number): void {
    let chain = at;
    for (let l = 0; ; l++) {
      const rules = chains[chain]?.rules ?? [];
      const need = (height[chain] as number) - 1;
      const r = rules.findIndex((x) => {
        if (x.target.kind !== 'JUMP') return false;
        const to = index.get(x.target.chain);
        return to !== undefined && height[to] === need;
      });
      if (l === level) {
        refuse(chain, r, 'depth');
        return;
      }
      const rule = rules[r];
      if (!rule || rule.target.kind !== 'JUMP') return;
      chain = index.get(rule.target.chain) as number;
    }
  }
}
