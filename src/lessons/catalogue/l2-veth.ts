// Lesson 2: container ↔ host through the veth pair, container ↔ container switched by docker0 at layer 2.
import type { Lesson } from '../types';
import { C1_C2, addr, fromContainer, t } from './common';

const C1 = addr('172.17.0.2');
const BRIDGE_EVENTS = ['bridge-forward', 'bridge-flood', 'bridge-local'] as const;

export const LESSON_VETH: Lesson = {
  id: 'veth',
  kind: 'lesson',
  title: t('The veth pair and the bridge', 'veth 对与网桥'),
  summary: t(
    'How a frame gets from the host into a container, and from one container to another without being routed.',
    '帧如何从宿主机进入容器，又如何在两个容器之间传递而不经过路由。',
  ),
  steps: [
    {
      id: 'pair',
      title: t('One cable, two ends', '一根网线，两个端头'),
      body: t(
        "For each container on a bridge network Docker creates a veth pair in the host's namespace: two virtual interfaces joined like the ends of a cable — what enters one comes out of the other. One end is moved into the container's network namespace and renamed eth0; the other stays in the host as vethXXXXXXX and is enslaved to docker0 as a bridge port. The host end has no IP address: it is just a switch port.",
        '对于 bridge 网络上的每个容器，Docker 先在宿主机的网络命名空间里创建一对 veth：两块虚拟网卡像一根网线的两端一样相连——从一端进去，就从另一端出来。其中一端被移进容器的网络命名空间并改名为 eth0；另一端以 vethXXXXXXX 的名字留在宿主机上，作为端口挂到 docker0 网桥。宿主机这一端没有 IP 地址，它只是交换机上的一个端口。',
      ),
      setup: C1_C2,
      explore: ['ip link', 'bridge link', 'docker exec c1 ip addr'],
      focus: 'veth:c1',
      predictions: [
        {
          id: 'born-where',
          ask: {
            kind: 'fact',
            question: t(
              "Where is the interface that becomes c1's eth0 created?",
              '后来成为 c1 的 eth0 的那块接口，是在哪里创建的？',
            ),
            choices: [
              {
                id: 'host-then-moved',
                label: t(
                  "In the host, then moved into c1's namespace and renamed",
                  '在宿主机上创建，再移进 c1 的网络命名空间并改名',
                ),
              },
              {
                id: 'inside',
                label: t(
                  "Inside c1's namespace, by the container itself",
                  '由容器自己在 c1 的网络命名空间里创建',
                ),
              },
              { id: 'docker0', label: t('It is a port of docker0', '它就是 docker0 的一个端口') },
            ],
            answer: 'host-then-moved',
          },
          right: t(
            'Right: created as a pair in the host, one end moved and renamed eth0.',
            '答对了：成对地在宿主机上创建，其中一端被移走并改名为 eth0。',
          ),
          wrong: t(
            'It is created in the host as one half of a pair, then moved into the namespace and renamed eth0; the other half is the docker0 port.',
            '它在宿主机上作为 veth 对的一半被创建，随后移进网络命名空间并改名为 eth0；另一半才是 docker0 的端口。',
          ),
        },
      ],
    },
    {
      id: 'host-to-c1',
      title: t('Host → c1: ARP, flood, then the veth', '宿主机 → c1：ARP、泛洪、再穿过 veth'),
      body: t(
        "The host pings 172.17.0.2. Its routing table says 172.17.0.0/16 is directly connected on docker0, so no gateway: the host first needs c1's MAC. It broadcasts an ARP request into docker0, the bridge floods it out of every port, c1 answers, and the bridge learns which port c1's MAC lives behind. Then the echo request is switched to that one port and comes out of the veth's other end: c1's eth0.",
        '宿主机 ping 172.17.0.2。路由表说 172.17.0.0/16 是 docker0 上的直连网络，不需要网关：宿主机得先知道 c1 的 MAC。它向 docker0 广播 ARP 请求，网桥把请求泛洪到每个端口，c1 应答，网桥同时学到 c1 的 MAC 在哪个端口之后。随后回显请求只被交换到那一个端口，从 veth 的另一端——c1 的 eth0——出来。',
      ),
      setup: [],
      flow: { from: { kind: 'host' }, to: C1, kind: 'ping', count: 1 },
      focus: 'docker0',
      predictions: [
        {
          id: 'arp-flood',
          ask: { kind: 'bridge-action', hop: { match: { event: [...BRIDGE_EVENTS] } } },
          question: t(
            'The ARP request "who has 172.17.0.2?" enters docker0. What does the bridge do?',
            'ARP 请求“谁是 172.17.0.2？”进入 docker0。网桥会怎么做？',
          ),
          right: t(
            'Right: {answer}. A broadcast goes to every port.',
            '答对了：{answer}。广播帧会发往每一个端口。',
          ),
          wrong: t(
            '{answer}: an ARP request is a broadcast, and a bridge floods broadcasts.',
            '答案是：{answer}。ARP 请求是广播，网桥对广播一律泛洪。',
          ),
        },
        {
          id: 'veth-out',
          ask: {
            kind: 'next-iface',
            hop: {
              after: { match: { event: 'bridge-forward', ip: true } },
              match: { event: 'tx', ip: true },
            },
          },
          question: t(
            "The bridge now knows c1's MAC. Which port does the echo request leave through?",
            '网桥已经知道 c1 的 MAC 了。回显请求从哪个端口发出？',
          ),
          right: t(
            "Right: {answer}, the host end of c1's veth pair.",
            '答对了：{answer}，即 c1 那对 veth 在宿主机上的一端。',
          ),
          wrong: t(
            "{answer}: the host end of c1's veth pair. What leaves it arrives on c1's eth0.",
            '答案是 {answer}：c1 的 veth 对在宿主机上的一端。从这里发出的帧会出现在 c1 的 eth0 上。',
          ),
        },
      ],
    },
    {
      id: 'c2-to-c1',
      title: t('c2 → c1: switched, never routed', 'c2 → c1：只交换，不路由'),
      body: t(
        "c2 fetches c1's web page. Both are on 172.17.0.0/16, so c2 ARPs for c1 directly and sends the frame to c1's MAC. docker0 looks the MAC up in its forwarding database (FDB) and switches the frame from c2's port to c1's. The host's IP stack never sees it: no routing, no TTL change, no NAT. (Only with br_netfilter loaded, as for icc=false, would iptables look at bridged frames.)",
        'c2 去取 c1 的网页。两者都在 172.17.0.0/16 内，所以 c2 直接对 c1 做 ARP，把帧发往 c1 的 MAC。docker0 在转发数据库（FDB）里查到这个 MAC，把帧从 c2 的端口交换到 c1 的端口。宿主机的 IP 协议栈完全看不到它：没有路由，TTL 不变，也没有 NAT。（只有加载了 br_netfilter，例如 icc=false 时，iptables 才会检查桥接的帧。）',
      ),
      setup: [],
      explore: ['bridge fdb show', 'ip neigh', 'docker exec c2 ip neigh'],
      flow: fromContainer('c2', C1, 'http', 80),
      focus: 'fdb',
      predictions: [
        {
          id: 'syn-switched',
          ask: { kind: 'bridge-action', hop: { match: { event: [...BRIDGE_EVENTS], ip: true } } },
          question: t(
            'The SYN from c2 reaches docker0. What happens to it?',
            'c2 发出的 SYN 到达 docker0。它会怎样？',
          ),
          right: t('Right: {answer}. Layer 2 only.', '答对了：{answer}。只在二层。'),
          wrong: t(
            "{answer}: the destination MAC is c1's, and the FDB knows its port.",
            '答案是：{answer}。目的 MAC 是 c1 的，FDB 知道它在哪个端口。',
          ),
        },
        {
          id: 'dst-unchanged',
          ask: { kind: 'dst-after', hop: { match: { event: 'deliver' } } },
          question: t(
            'What is the destination when the SYN reaches c1?',
            'SYN 到达 c1 时，目的地址是什么？',
          ),
          right: t(
            'Right: {answer}, exactly what c2 sent. Nothing rewrote it.',
            '答对了：{answer}，与 c2 发出时完全相同，没有任何改写。',
          ),
          wrong: t(
            '{answer}: a switched frame is not NATed.',
            '答案是 {answer}：被交换的帧不会做 NAT。',
          ),
        },
      ],
    },
  ],
  checks: [
    {
      step: 1,
      prediction: {
        id: 'first-out',
        ask: { kind: 'next-iface', hop: { match: { event: 'tx', node: 'host', ip: true } } },
        question: t(
          'Host → 172.17.0.2: which interface does the host send the echo request into?',
          '宿主机 → 172.17.0.2：宿主机把回显请求送进哪个接口？',
        ),
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t(
          '{answer}: the connected route for 172.17.0.0/16 is on docker0.',
          '答案是 {answer}：172.17.0.0/16 的直连路由在 docker0 上。',
        ),
      },
    },
    {
      step: 2,
      prediction: {
        id: 'reply-switched',
        ask: {
          kind: 'bridge-action',
          hop: { packet: { direction: 'reply' }, match: { event: [...BRIDGE_EVENTS] } },
        },
        question: t(
          "And c1's SYN-ACK back to c2 at docker0?",
          '那么 c1 回给 c2 的 SYN-ACK 经过 docker0 时呢？',
        ),
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t(
          "{answer}: the bridge learned c2's MAC from the SYN.",
          '答案是：{answer}。网桥已经从 SYN 里学到了 c2 的 MAC。',
        ),
      },
    },
  ],
};
