// A person's own iptables command on the host: the world with its rules changed, or the kernel's
// refusal and the world untouched. Pure.
import { applyEdit, type EditRefusal, type IptablesEdit } from '../netfilter/edit';
import type { World } from '../types';

export type IptablesResult =
  | { readonly ok: true; readonly world: World }
  | { readonly ok: false; readonly refusal: EditRefusal };

export function editIptables(world: World, edit: IptablesEdit): IptablesResult {
  const r = applyEdit(world.netfilter, edit);
  if (!r.ok) return r;
  return { ok: true, world: r.nf === world.netfilter ? world : { ...world, netfilter: r.nf } };
}
