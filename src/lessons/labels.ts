// Choice labels and default questions, in both languages. Technical values (IPs, devices) stay as-is.
import { parseNodeId } from '../sim';
import type { Ask, Choice, Text } from './types';

const same = (s: string): Text => ({ en: s, 'zh-CN': s });

/** A node id ('host', 'container:c1', 'remote:client') as a student reads it: never the id itself. */
export function nodeLabel(node: string): Text {
  const p = parseNodeId(node);
  switch (p?.kind) {
    case 'host':
      return { en: 'the host', 'zh-CN': '宿主机' };
    case 'router':
      return { en: 'the router', 'zh-CN': '路由器' };
    case 'internet':
      return { en: 'the internet', 'zh-CN': '互联网' };
    case 'container':
      return { en: `container ${p.name}`, 'zh-CN': `容器 ${p.name}` };
    case 'remote':
      return { en: `the ${p.name} outside`, 'zh-CN': `外部主机 ${p.name}` };
    case undefined:
      return same(node);
  }
}

/** Choice id `${node}/${iface}` → "docker0 (the host)" / "docker0（宿主机）". */
export function ifaceChoice(node: string, iface: string): Choice {
  const n = nodeLabel(node);
  return {
    id: `${node}/${iface}`,
    label: { en: `${iface} (${n.en})`, 'zh-CN': `${iface}（${n['zh-CN']}）` },
  };
}

export function nodeChoice(node: string): Choice {
  return { id: node, label: nodeLabel(node) };
}

export function chainChoice(tableChain: string): Choice {
  const [table = '', chain = ''] = tableChain.split('/');
  return {
    id: tableChain,
    label: { en: `${chain} chain (${table} table)`, 'zh-CN': `${table} 表的 ${chain} 链` },
  };
}

export const valueChoice = (v: string): Choice => ({ id: v, label: same(v) });

/** The choice an id stands for in questions of this kind (a mistake is named by its id only). */
export function choiceFor(ask: Ask, id: string): Choice | null {
  const among = (list: readonly Choice[]) => list.find((c) => c.id === id) ?? null;
  switch (ask.kind) {
    case 'next-iface': {
      const cut = id.lastIndexOf('/');
      return cut > 0 ? ifaceChoice(id.slice(0, cut), id.slice(cut + 1)) : null;
    }
    case 'next-node':
      return nodeChoice(id);
    case 'deciding-chain':
      return id.includes('/') ? chainChoice(id) : null;
    case 'bridge-action':
      return among(BRIDGE_ACTIONS);
    case 'nat-by':
      return among(NAT_BY);
    case 'arrives':
      return among(ARRIVES);
    case 'setup':
      return among(SETUP_OUTCOMES);
    case 'ifaces':
      return id === HOST_STACK.id ? HOST_STACK : id === NO_IFACE.id ? NO_IFACE : valueChoice(id);
    case 'fact':
      return among(ask.choices);
    case 'ct-state':
    case 'dst-after':
    case 'src-after':
    case 'gateway':
      return valueChoice(id);
  }
}

export const BRIDGE_ACTIONS: readonly Choice[] = [
  {
    id: 'bridge-forward',
    label: { en: 'Switches it to one known port', 'zh-CN': '交换到已知的那个端口' },
  },
  {
    id: 'bridge-flood',
    label: { en: 'Floods it to every other port', 'zh-CN': '泛洪到其他所有端口' },
  },
  { id: 'bridge-local', label: { en: 'Passes it up to the host', 'zh-CN': '上交给宿主机' } },
  { id: 'route', label: { en: 'Routes it at layer 3', 'zh-CN': '在三层路由它' } },
];

export const NAT_BY: readonly Choice[] = [
  { id: 'rule', label: { en: 'An iptables NAT rule', 'zh-CN': '一条 iptables NAT 规则' } },
  {
    id: 'conntrack',
    label: {
      en: "conntrack, from the entry's reply tuple",
      'zh-CN': 'conntrack，依据条目的应答方向元组',
    },
  },
  { id: 'proxy', label: { en: 'docker-proxy', 'zh-CN': 'docker-proxy' } },
];

export const CT_STATES: readonly Choice[] = ['NEW', 'ESTABLISHED', 'RELATED', 'INVALID'].map(
  valueChoice,
);

export const ARRIVES: readonly Choice[] = [
  { id: 'yes', label: { en: 'Yes, it is delivered', 'zh-CN': '能，会被交付' } },
  { id: 'no', label: { en: 'No, it is dropped on the way', 'zh-CN': '不能，途中被丢弃' } },
];

export const SETUP_OUTCOMES: readonly Choice[] = [
  { id: 'ok', label: { en: 'It just works', 'zh-CN': '顺利完成' } },
  { id: 'warning', label: { en: 'It works, with a warning', 'zh-CN': '能完成，但有警告' } },
  { id: 'error', label: { en: 'Docker refuses with an error', 'zh-CN': 'Docker 报错拒绝' } },
];

/** A namespace with no interface at all: what learners expect of none mode (lo is always there). */
export const NO_IFACE: Choice = {
  id: 'nothing',
  label: { en: 'No interface at all', 'zh-CN': '一个接口都没有' },
};

export const HOST_STACK: Choice = {
  id: 'host-stack',
  label: {
    en: "The host's own (lo, eth0, docker0…)",
    'zh-CN': '宿主机自己的（lo、eth0、docker0……）',
  },
};

export const QUESTIONS: { readonly [K in Ask['kind']]: Text } = {
  'next-iface': {
    en: 'Which interface does the packet leave through next?',
    'zh-CN': '数据包下一步从哪个接口发出？',
  },
  'next-node': { en: 'Where does the packet arrive next?', 'zh-CN': '数据包下一步到达哪里？' },
  'dst-after': {
    en: 'What is the destination after this hop?',
    'zh-CN': '经过这一步之后，目的地址是什么？',
  },
  'src-after': {
    en: 'What is the source address after this hop?',
    'zh-CN': '经过这一步之后，源地址是什么？',
  },
  'deciding-chain': { en: 'Which chain decides?', 'zh-CN': '由哪条链作出决定？' },
  'bridge-action': {
    en: 'What does the bridge do with this frame?',
    'zh-CN': '网桥会怎样处理这个帧？',
  },
  'nat-by': { en: 'Who rewrites the address here?', 'zh-CN': '这里是谁改写了地址？' },
  'ct-state': { en: 'Which state does conntrack see?', 'zh-CN': 'conntrack 看到的是什么状态？' },
  arrives: { en: 'Will the packet arrive?', 'zh-CN': '数据包能到达吗？' },
  ifaces: {
    en: 'Which interfaces does {container} have?',
    'zh-CN': '{container} 有哪些网络接口？',
  },
  gateway: {
    en: "What is {container}'s default gateway?",
    'zh-CN': '{container} 的默认网关是哪个地址？',
  },
  setup: { en: 'What will Docker do?', 'zh-CN': 'Docker 会怎么做？' },
  fact: { en: '', 'zh-CN': '' },
};
