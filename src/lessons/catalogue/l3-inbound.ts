// Lesson 3: outside → container through a published port: DNAT, FORWARD, and the reply un-DNATed by conntrack.
import type { Lesson } from '../types';
import { C1_C2, clientHttp, miss, t } from './common';
import { NAT_BY_CONNTRACK, NOT_ESTABLISHED, NOT_FORWARDED_BY } from './mistakes';

const FIRST_NAT = { match: { event: 'nat' } } as const;
const REPLY = { direction: 'reply' } as const;

export const LESSON_INBOUND: Lesson = {
  id: 'inbound',
  kind: 'lesson',
  title: t('Outside → container: a published port', '外部 → 容器：发布端口（端口映射）'),
  summary: t(
    'A client outside reaches nginx in c1 through 192.0.2.10:8080: destination NAT on the way in, conntrack on the way back.',
    '外部客户端通过 192.0.2.10:8080 访问 c1 里的 nginx：进来时做目的地址转换，回去时靠连接跟踪。',
  ),
  steps: [
    {
      id: 'rules',
      title: t('What `-p 8080:80` installs', '`-p 8080:80` 装了些什么'),
      body: t(
        "172.17.0.0/16 exists only inside this host: the router outside has no route to it, so a client cannot address c1 directly. Publishing a port (`-p`) makes the host answer on its own address instead. dockerd adds a DNAT rule to the nat table's DOCKER chain (reached from PREROUTING for packets addressed to a local address), an ACCEPT rule for c1's port 80 to the filter table's DOCKER chain (reached from FORWARD), and starts docker-proxy on port 8080 for what NAT cannot carry, such as connections to 127.0.0.1.",
        '172.17.0.0/16 只存在于这台宿主机内部：外面的路由器没有到它的路由，客户端无法直接访问 c1。发布端口（`-p`，也就是常说的“端口映射”）就是让宿主机用自己的地址代为接待。dockerd 在 nat 表的 DOCKER 链里加一条 DNAT 规则（目的地址是本机地址的包从 PREROUTING 跳到这里），在 filter 表的 DOCKER 链里加一条放行 c1 的 80 端口的 ACCEPT 规则（从 FORWARD 跳到这里），并在 8080 端口启动 docker-proxy，负责 NAT 管不到的情况，比如访问 127.0.0.1 的连接。',
      ),
      setup: C1_C2,
      explore: ['docker ps', 'iptables -t nat -S', 'iptables -S'],
      focus: 'nat:PREROUTING',
    },
    {
      id: 'dnat',
      title: t("The client's SYN comes in", '客户端的 SYN 进来了'),
      body: t(
        'The client outside, 203.0.113.5, opens a connection to the published port: its SYN goes to 192.0.2.10:8080, the host.',
        '外面的客户端 203.0.113.5 连接已发布的端口：它的 SYN 发往宿主机的 192.0.2.10:8080。',
      ),
      explain: t(
        "On the host, conntrack sees a NEW connection, so the nat table is consulted: PREROUTING jumps to DOCKER, whose rule rewrites the destination to 172.17.0.2:80, port included. Only now does the host route the packet, and the new destination sends it out of docker0. Because it is being forwarded, not delivered locally, the filter table decides in FORWARD, which jumps to DOCKER, where Docker's per-port rule accepts it. INPUT never sees it: a firewall rule there does not protect a published port. The source, 203.0.113.5, is left alone: c1 sees the real client.",
        '在宿主机上，conntrack 看到这是一个新连接（NEW），于是查 nat 表：PREROUTING 跳到 DOCKER 链，那里的规则把目的地址连同端口改写为 172.17.0.2:80。直到这时宿主机才做路由决策，新的目的地址让它从 docker0 发出。由于这个包是被转发而不是交给本机，由 filter 表在 FORWARD 中作决定：FORWARD 跳到 DOCKER 链，Docker 为这个端口加的规则放行了它。INPUT 根本看不到它：写在那里的防火墙规则保护不了已发布的端口。源地址 203.0.113.5 保持不变：c1 看到的是真实的客户端。',
      ),
      setup: [],
      flow: clientHttp(8080),
      focus: 'nat:PREROUTING',
      predictions: [
        {
          id: 'dnat-dst',
          ask: { kind: 'dst-after', hop: FIRST_NAT },
          question: t(
            "The client's SYN passes nat PREROUTING on the host. What are its destination address and port after that hop?",
            '客户端的 SYN 经过宿主机上 nat 表的 PREROUTING。这一步之后，它的目的地址和端口是什么？',
          ),
          mistakes: [
            miss(
              '192.0.2.10:8080',
              'That is what the client sent. The DNAT rule in nat DOCKER (jumped to from PREROUTING) rewrites it before the routing decision.',
              '这是客户端发出时的目的地址。nat 表 DOCKER 链里的 DNAT 规则（从 PREROUTING 跳过去）在路由决策之前就改写了它。',
            ),
            miss(
              '172.17.0.2:8080',
              'DNAT rewrites the port too: -p 8080:80 maps host port 8080 to container port 80.',
              'DNAT 连端口一起改写：-p 8080:80 把宿主机的 8080 端口映射到容器的 80 端口。',
            ),
            miss(
              '172.17.0.1:80',
              "172.17.0.1 is docker0's own address; the rule sends the packet on to c1, not to the bridge.",
              '172.17.0.1 是 docker0 自己的地址；规则把包送往 c1，而不是网桥。',
            ),
          ],
          right: t(
            'Right: {answer}. The destination is rewritten before routing.',
            '答对了：{answer}。目的地址在路由决策之前就被改写了。',
          ),
          wrong: t(
            'The right answer: {answer}. The DNAT rule rewrites address and port, before the routing decision.',
            '正确答案是 {answer}：DNAT 规则同时改写地址和端口，而且发生在路由决策之前。',
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
          askBefore: { after: FIRST_NAT, match: { event: 'netfilter', chain: 'filter/' } },
          question: t(
            "The client's SYN, now for c1, is routed towards docker0. Which chain of the filter table accepts it?",
            '客户端的 SYN 现在发往 c1，被路由向 docker0。filter 表的哪条链放行了它？',
          ),
          mistakes: NOT_FORWARDED_BY,
          right: t('Right: {answer}.', '答对了：{answer}。'),
          wrong: t(
            "The right answer: {answer}. FORWARD jumps there, and Docker's per-port rule accepts it.",
            '正确答案是 {answer}：FORWARD 跳到这条链，Docker 为这个端口加的规则放行了它。',
          ),
        },
      ],
    },
    {
      id: 'reply',
      title: t('c1 answers', 'c1 应答'),
      body: t(
        "c1's nginx answers the client's SYN with a SYN-ACK, from its own address and port to 203.0.113.5. The client, though, sent its SYN to 192.0.2.10:8080.",
        'c1 的 nginx 用 SYN-ACK 回应客户端的 SYN，从它自己的地址和端口发往 203.0.113.5。可客户端的 SYN 是发给 192.0.2.10:8080 的。',
      ),
      explain: t(
        "If the SYN-ACK left as c1 sent it, from 172.17.0.2:80, the client would drop it: it talked to 192.0.2.10:8080. No rule translates it back. conntrack recognises the packet from the reply tuple of the entry the SYN created (so its state is ESTABLISHED), and rewrites the source to 192.0.2.10:8080 itself. In FORWARD it is accepted by Docker's rule for traffic of known connections; the nat table is not even consulted for packets of a known connection.",
        '如果 SYN-ACK 按 c1 发出时的样子（源是 172.17.0.2:80）出去，客户端会丢掉它：客户端连接的是 192.0.2.10:8080。并没有哪条规则把它转换回来。conntrack 依据 SYN 建立的那个条目的应答方向元组认出这个包（所以状态是 ESTABLISHED），亲自把源地址改回 192.0.2.10:8080。在 FORWARD 中，Docker 为已知连接的流量设的规则放行了它；对已知连接的包，根本不会再查 nat 表。',
      ),
      setup: [],
      explore: ['conntrack -L'],
      flow: clientHttp(8080),
      focus: 'conntrack',
      predictions: [
        {
          id: 'reply-state',
          ask: { kind: 'ct-state', hop: { packet: REPLY, match: { event: 'conntrack' } } },
          question: t(
            "c1's SYN-ACK to the client reaches conntrack on the host. Which state does conntrack give it?",
            'c1 发给客户端的 SYN-ACK 到达宿主机上的 conntrack。conntrack 认为它处于什么状态？',
          ),
          mistakes: NOT_ESTABLISHED,
          right: t(
            "Right: {answer}. It matches the entry's reply tuple.",
            '答对了：{answer}。它与条目的应答方向元组相符。',
          ),
          wrong: t(
            'The right answer: {answer}. The SYN-ACK belongs to the connection the SYN opened.',
            '正确答案是 {answer}：SYN-ACK 属于 SYN 打开的那个连接。',
          ),
        },
        {
          id: 'reply-by',
          ask: { kind: 'nat-by', hop: { packet: REPLY, match: { event: 'nat' } } },
          question: t(
            "On the host, the source of c1's SYN-ACK must change before the client will accept it. Who changes it?",
            '在宿主机上，c1 的 SYN-ACK 的源地址必须先改掉，客户端才会接受。是谁改的？',
          ),
          mistakes: NAT_BY_CONNTRACK,
          right: t(
            'Right: {answer}. No reverse rule exists.',
            '答对了：{answer}。并不存在反向的规则。',
          ),
          wrong: t(
            'The right answer: {answer}. There is no reverse DNAT rule in iptables; conntrack remembers the translation.',
            '正确答案是：{answer}。iptables 里并没有反向的 DNAT 规则，是 conntrack 记住了这次转换。',
          ),
        },
      ],
    },
  ],
  checks: [
    {
      step: 2,
      prediction: {
        id: 'reply-src',
        ask: { kind: 'src-after', hop: { packet: REPLY, match: { event: 'nat' } } },
        question: t(
          "c1's SYN-ACK leaves the host for the client. Which source address does it carry then?",
          'c1 的 SYN-ACK 离开宿主机发往客户端。这时它的源地址是什么？',
        ),
        mistakes: [
          miss(
            '172.17.0.2',
            "That is c1's private address, the source c1 wrote; the client never sent anything to it and would drop the reply.",
            '这是 c1 的私有地址，也是 c1 填的源地址；客户端从没向它发过包，会丢掉这个应答。',
          ),
          miss(
            '172.17.0.1',
            "That is docker0's address; nothing masquerades a reply on its way to the client.",
            '这是 docker0 的地址；发往客户端的应答不会被 MASQUERADE。',
          ),
          miss(
            '203.0.113.5',
            "That is the client's own address: the reply's destination, not its source.",
            '这是客户端自己的地址：是应答的目的地址，不是源地址。',
          ),
        ],
        right: t(
          'Right: {answer}, the address the client used.',
          '答对了：{answer}，正是客户端访问的地址。',
        ),
        wrong: t(
          'The right answer: {answer}. The client must see the reply come from the address it talked to.',
          '正确答案是 {answer}：客户端必须看到应答来自它所访问的地址。',
        ),
      },
    },
    {
      step: 1,
      prediction: {
        id: 'ack-by',
        ask: {
          kind: 'nat-by',
          hop: { packet: { direction: 'request', nth: 1 }, match: { event: 'nat' } },
        },
        question: t(
          "The client's next packet, its ACK to 192.0.2.10:8080, is also sent on to c1's port 80. Who rewrites its destination?",
          '客户端的下一个包，也就是发往 192.0.2.10:8080 的 ACK，同样被送往 c1 的 80 端口。是谁改写了它的目的地址？',
        ),
        mistakes: NAT_BY_CONNTRACK,
        right: t(
          'Right: {answer}. The rule only ever sees the first packet.',
          '答对了：{answer}。规则只会看到第一个包。',
        ),
        wrong: t(
          'The right answer: {answer}. After the first packet, NAT comes from the conntrack entry.',
          '正确答案是：{answer}。第一个包之后，NAT 都来自 conntrack 条目。',
        ),
      },
    },
    {
      step: 2,
      prediction: {
        id: 'reply-arrives',
        ask: { kind: 'arrives', packet: REPLY },
        question: t("Does c1's SYN-ACK reach the client?", 'c1 的 SYN-ACK 能到达客户端吗？'),
        mistakes: [
          miss(
            'no',
            'conntrack put back 192.0.2.10:8080 as the source, the address the client talked to, so the client takes it.',
            'conntrack 把源换回了 192.0.2.10:8080，正是客户端访问的地址，所以客户端会接收它。',
          ),
        ],
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t(
          'The right answer: {answer}. conntrack put the public address back, so the client accepts it.',
          '正确答案是：{answer}。conntrack 换回了公网地址，客户端会接受它。',
        ),
      },
    },
  ],
};
