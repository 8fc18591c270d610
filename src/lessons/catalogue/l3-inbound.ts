// Lesson 3: outside → container through a published port: DNAT, FORWARD, and the reply un-DNATed by conntrack.
import type { Lesson } from '../types';
import { C1_C2, clientHttp, t } from './common';

const FIRST_NAT = { match: { event: 'nat' } } as const;
const REPLY = { direction: 'reply' } as const;

export const LESSON_INBOUND: Lesson = {
  id: 'inbound',
  kind: 'lesson',
  title: t('Outside → container: a published port', '外部 → 容器：发布端口'),
  summary: t(
    'A client outside reaches nginx in c1 through 192.0.2.10:8080: destination NAT on the way in, conntrack on the way back.',
    '外部客户端通过 192.0.2.10:8080 访问 c1 里的 nginx：进来时做目的地址转换，回去时靠连接跟踪。',
  ),
  steps: [
    {
      id: 'rules',
      title: t('What `-p 8080:80` installs', '`-p 8080:80` 装了些什么'),
      body: t(
        "172.17.0.0/16 exists only inside this host: the router outside has no route to it, so a client cannot address c1 directly. Publishing a port makes the host answer on its own address instead. dockerd adds a DNAT rule to the nat table's DOCKER chain (reached from PREROUTING for packets addressed to a local address), an ACCEPT rule for 172.17.0.2:80 to the filter table's DOCKER chain (reached from FORWARD), and starts docker-proxy on port 8080 for what NAT cannot carry, such as connections to 127.0.0.1.",
        '172.17.0.0/16 只存在于这台宿主机内部：外面的路由器没有到它的路由，客户端无法直接访问 c1。发布端口就是让宿主机用自己的地址代为接待。dockerd 在 nat 表的 DOCKER 链里加一条 DNAT 规则（目的地址是本机地址的包从 PREROUTING 跳到这里），在 filter 表的 DOCKER 链里加一条放行 172.17.0.2:80 的 ACCEPT 规则（从 FORWARD 跳到这里），并在 8080 端口启动 docker-proxy，负责 NAT 管不到的情况，比如访问 127.0.0.1 的连接。',
      ),
      setup: C1_C2,
      explore: ['docker ps', 'iptables -t nat -S', 'iptables -S'],
      focus: 'nat:PREROUTING',
    },
    {
      id: 'dnat',
      title: t(
        'The SYN: DNAT in PREROUTING, then FORWARD',
        'SYN：在 PREROUTING 做 DNAT，再经过 FORWARD',
      ),
      body: t(
        "The client sends a SYN to 192.0.2.10:8080. On the host, conntrack sees a NEW connection, so the nat table is consulted: PREROUTING jumps to DOCKER, whose rule rewrites the destination to 172.17.0.2:80. Only now does the host route the packet, and the new destination sends it out of docker0. Because it is being forwarded, not delivered locally, the filter FORWARD chain must accept it: Docker's per-port rule does. The source, 203.0.113.5, is left alone: c1 sees the real client.",
        '客户端向 192.0.2.10:8080 发出 SYN。在宿主机上，conntrack 看到这是一个新连接（NEW），于是查 nat 表：PREROUTING 跳到 DOCKER 链，那里的规则把目的地址改写为 172.17.0.2:80。直到这时宿主机才做路由决策，新的目的地址让它从 docker0 发出。由于这个包是被转发而不是交给本机，filter 表的 FORWARD 链必须放行它：Docker 为这个端口加的规则正好放行。源地址 203.0.113.5 保持不变：c1 看到的是真实的客户端。',
      ),
      setup: [],
      flow: clientHttp(8080),
      focus: 'nat:PREROUTING',
      predictions: [
        {
          id: 'dnat-dst',
          ask: { kind: 'dst-after', hop: FIRST_NAT },
          right: t(
            'Right: {answer}. The destination is rewritten before routing.',
            '答对了：{answer}。目的地址在路由决策之前就被改写了。',
          ),
          wrong: t(
            '{answer}: the DNAT rule rewrites address and port, before the routing decision.',
            '答案是 {answer}：DNAT 规则同时改写地址和端口，而且发生在路由决策之前。',
          ),
        },
        {
          id: 'forward-accept',
          ask: {
            kind: 'deciding-chain',
            hop: {
              after: FIRST_NAT,
              match: { event: 'netfilter', chain: 'filter/', target: 'ACCEPT' },
            },
          },
          question: t(
            'The packet is now forwarded to docker0. Which chain accepts it?',
            '数据包现在要被转发到 docker0。由哪条链放行？',
          ),
          right: t('Right: {answer}.', '答对了：{answer}。'),
          wrong: t(
            "{answer}: FORWARD jumps there, and Docker's per-port rule accepts it.",
            '答案是 {answer}：FORWARD 跳到这条链，Docker 为这个端口加的规则放行了它。',
          ),
        },
      ],
    },
    {
      id: 'reply',
      title: t('The reply: conntrack undoes the DNAT', '应答：由 conntrack 撤销 DNAT'),
      body: t(
        "c1 answers 203.0.113.5 from 172.17.0.2:80. If it left like that, the client would drop it: it talked to 192.0.2.10:8080. No rule translates it back. conntrack recognises the packet from the reply tuple of the entry the SYN created, and rewrites the source to 192.0.2.10:8080 itself. In FORWARD it is accepted by Docker's rule for traffic leaving docker0; the nat table is not even consulted for packets of a known connection.",
        'c1 从 172.17.0.2:80 应答 203.0.113.5。如果就这样发出去，客户端会丢掉它：客户端连接的是 192.0.2.10:8080。并没有哪条规则把它转换回来。conntrack 依据 SYN 建立的那个条目的应答方向元组认出这个包，亲自把源地址改回 192.0.2.10:8080。在 FORWARD 中，Docker 为“从 docker0 出去的流量”设的规则放行了它；对已知连接的包，根本不会再查 nat 表。',
      ),
      setup: [],
      explore: ['conntrack -L'],
      flow: clientHttp(8080),
      focus: 'conntrack',
      predictions: [
        {
          id: 'reply-state',
          ask: { kind: 'ct-state', hop: { packet: REPLY, match: { event: 'conntrack' } } },
          right: t(
            "Right: {answer}. It matches the entry's reply tuple.",
            '答对了：{answer}。它与条目的应答方向元组相符。',
          ),
          wrong: t(
            '{answer}: the SYN-ACK belongs to the connection the SYN opened.',
            '答案是 {answer}：SYN-ACK 属于 SYN 打开的那个连接。',
          ),
        },
        {
          id: 'reply-by',
          ask: { kind: 'nat-by', hop: { packet: REPLY, match: { event: 'nat' } } },
          right: t(
            'Right: {answer}. No reverse rule exists.',
            '答对了：{answer}。并不存在反向的规则。',
          ),
          wrong: t(
            '{answer}. There is no reverse DNAT rule in iptables; conntrack remembers the translation.',
            '答案是：{answer}。iptables 里并没有反向的 DNAT 规则，是 conntrack 记住了这次转换。',
          ),
        },
        {
          id: 'reply-src',
          ask: { kind: 'src-after', hop: { packet: REPLY, match: { event: 'nat' } } },
          right: t(
            'Right: {answer}, the address the client used.',
            '答对了：{answer}，正是客户端访问的地址。',
          ),
          wrong: t(
            '{answer}: the client must see the reply come from the address it talked to.',
            '答案是 {answer}：客户端必须看到应答来自它所访问的地址。',
          ),
        },
      ],
    },
  ],
  checks: [
    {
      step: 1,
      prediction: {
        id: 'ack-by',
        ask: {
          kind: 'nat-by',
          hop: { packet: { direction: 'request', nth: 1 }, match: { event: 'nat' } },
        },
        question: t(
          "The client's next packet, the ACK, also gets 172.17.0.2:80. Who rewrites it?",
          '客户端的下一个包 ACK 同样被改成 172.17.0.2:80。是谁改写的？',
        ),
        right: t(
          'Right: {answer}. The rule only ever sees the first packet.',
          '答对了：{answer}。规则只会看到第一个包。',
        ),
        wrong: t(
          '{answer}: after the first packet, NAT comes from the conntrack entry.',
          '答案是：{answer}。第一个包之后，NAT 都来自 conntrack 条目。',
        ),
      },
    },
    {
      step: 1,
      prediction: {
        id: 'syn-dst',
        ask: { kind: 'dst-after', hop: FIRST_NAT },
        question: t(
          'After nat PREROUTING, where is the SYN going?',
          '经过 nat 表的 PREROUTING 之后，SYN 要去哪里？',
        ),
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t('{answer}.', '答案是 {answer}。'),
      },
    },
    {
      step: 2,
      prediction: {
        id: 'reply-arrives',
        ask: { kind: 'arrives', packet: REPLY },
        question: t('Does the SYN-ACK reach the client?', 'SYN-ACK 能到达客户端吗？'),
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t(
          '{answer}: conntrack put the public address back, so the client accepts it.',
          '答案是：{answer}。conntrack 换回了公网地址，客户端会接受它。',
        ),
      },
    },
  ],
};
