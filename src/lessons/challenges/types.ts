// Break-fix challenges as data: the lab opens broken, the student fixes it with real commands.
import type { Flow, IPv4, Profile } from '../../sim';
import type { Step } from '../../scenarios';
import type { Text } from '../types';

/** What the goal flow must do once fixed: 'succeeds' (connected/replied) or 'fails' (nothing gets through). */
export type GoalWant = 'succeeds' | 'fails';

/** One flow the lab runs itself to check the goal; every goal of a challenge must hold. */
export interface Goal {
  readonly flow: Flow;
  readonly want: GoalWant;
  /**
   * Also: container `server` must see the flow come from `source` (the source of the first SYN it
   * is handed: what accept() returns and a server logs). For a flow that works either way and only
   * the client address differs (docker-proxy's 172.17.0.1 vs the client's own).
   */
  readonly sees?: { readonly server: string; readonly source: IPv4 };
}

/** One accepted fix: the commands a student types, and the same change as scenario steps (for the kernel suite). */
export interface Fix {
  readonly commands: readonly string[];
  readonly steps: readonly Step[];
}

export interface Challenge {
  /** 'challenge-<slug>', unique. */
  readonly id: string;
  readonly title: Text;
  /** The goal as stated to the student, e.g. "make `curl` from the client to 192.0.2.10:8080 succeed". */
  readonly goal: Text;
  /** The iptables layouts the challenge is true for (default: both). */
  readonly profiles?: readonly Profile[];
  /** The broken lab, from a freshly started host. */
  readonly broken: readonly Step[];
  readonly goals: readonly Goal[];
  /** Graded hints, most general first; the last one all but names the fix. */
  readonly hints: readonly Text[];
  /** At least one; each is proven to reach every goal (unit test + kernel suite). */
  readonly fixes: readonly Fix[];
  /** Shown once solved: what was wrong and why the fix works, as Docker and Linux really behave. */
  readonly explain: Text;
}
