// A hop's narration as a student reads it: the engine's why.key in the chosen language, with the
// place it happens (the hop's node) and every node id in its params turned into the name the
// student knows ("the host", "c1", "the client"): no internal id (`container:c1`) is ever shown.
// Pure: the UI (useT's t.why), the headless trace and the narration tests all go through here.
import type { Lang } from './locale';
import { translate, type Params } from './index';

const OUTSIDE: { readonly [name: string]: readonly [string, string] } = {
  client: ['the client', '客户端'],
  server: ['the server', '服务器'],
};

/** "the host" / "宿主机", "the router" / "路由器", "c1", "the client" / "客户端". */
export function placeName(node: string, lang: Lang): string {
  const zh = lang === 'zh-CN' ? 1 : 0;
  if (node === 'host') return ['the host', '宿主机'][zh]!;
  if (node === 'router') return ['the router', '路由器'][zh]!;
  if (node === 'internet') return ['the internet', '互联网'][zh]!;
  if (node.startsWith('container:')) return node.slice('container:'.length);
  if (node.startsWith('remote:')) {
    const name = node.slice('remote:'.length);
    return OUTSIDE[name]?.[zh] ?? name;
  }
  return node;
}

/** "The host" at a sentence's start; a container's own name keeps its case (c1, jolly_hopper). */
const capital = (s: string) => (s.startsWith('the ') ? `T${s.slice(1)}` : s);

/** Params that carry a node id. */
const NODE_PARAMS = ['node', 'fromNode'] as const;

/** The router's links to the machines outside stand for cables (the kernel suite wires them as veths). */
const cabled = (node: string) =>
  node === 'router' || node === 'internet' || node.startsWith('remote:');

/**
 * The narration of a hop at `node`. A frame crossing between the router and a machine outside is
 * narrated as crossing a cable, whatever the engine's link is made of.
 */
export function narrate(
  why: { readonly key: string; readonly params: Params },
  lang: Lang,
  node: string,
): string {
  const from = String(why.params['fromNode'] ?? '');
  const key = why.key === 'rx.veth' && (cabled(node) || cabled(from)) ? 'rx' : why.key;
  const params: Record<string, string | number> = { ...why.params };
  for (const k of NODE_PARAMS) {
    const v = params[k];
    if (typeof v === 'string') params[k] = placeName(v, lang);
  }
  const at = placeName(node, lang);
  return translate(key, { ...params, at, At: capital(at) }, lang);
}
