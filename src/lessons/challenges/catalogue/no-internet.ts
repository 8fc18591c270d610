// Challenge 3: no internet from a container, three ways it really happens (learner-pitfalls #3):
// forwarding off, Docker's outbound ACCEPT gone under a DROP policy, the MASQUERADE rule removed.
import type { Challenge } from '../types';
import { containerToServer, iptables, runApp, t } from './common';

const goal = t(
  'Make `docker exec app wget -qO- http://198.51.100.7/` work: the container `app` must reach the web server on the internet.',
  '让 `docker exec app wget -qO- http://198.51.100.7/` 成功：容器 `app` 要能访问互联网上的 Web 服务器。',
);
const goals = [{ flow: containerToServer('app'), want: 'succeeds' }] as const;
const firstHint = t(
  'Send the request from `app` and follow it in the diagram: where does it stop, and is that on the way out or on the way back?',
  '从 `app` 发出请求，在示意图里跟着它走：它停在哪里？是出去的路上，还是回来的路上？',
);

export const NO_FORWARDING: Challenge = {
  id: 'challenge-no-forwarding',
  title: t('No internet: the host stopped routing', '没有外网：宿主机不再转发'),
  goal,
  broken: [runApp, { op: 'sysctl', key: 'net.ipv4.ip_forward', value: '0' }],
  goals,
  hints: [
    firstHint,
    t(
      'The packet reaches docker0 on the host and goes no further: no rule drops it. What must a Linux host allow before it passes a packet from one interface to another?',
      '包到了宿主机的 docker0 就不再前进，并没有规则丢弃它。Linux 主机要先允许什么，才会把包从一个接口转到另一个接口？',
    ),
    t(
      '`cat /proc/sys/net/ipv4/ip_forward` reads 0: the host is not a router. Turn forwarding back on with `sysctl`.',
      '`cat /proc/sys/net/ipv4/ip_forward` 读出 0：宿主机没在当路由器。用 `sysctl` 把转发重新打开。',
    ),
  ],
  fixes: [
    {
      commands: ['sysctl -w net.ipv4.ip_forward=1'],
      steps: [{ op: 'sysctl', key: 'net.ipv4.ip_forward', value: '1' }],
    },
  ],
  explain: t(
    'A container’s traffic to the internet is routed by the host: in on docker0, out on eth0. With `net.ipv4.ip_forward=0` the kernel does not forward between interfaces at all, so the packet never reaches FORWARD or POSTROUTING and is dropped without any answer. Docker turns it on when it starts; a sysctl.conf, a VPN or a security script that sets it back to 0 cuts every container off. Make it last in /etc/sysctl.d/ (`net.ipv4.ip_forward = 1`).',
    '容器访问互联网的流量由宿主机路由：从 docker0 进来，从 eth0 出去。`net.ipv4.ip_forward=0` 时内核根本不在接口之间转发，包到不了 FORWARD 和 POSTROUTING，被悄无声息地丢弃。Docker 启动时会打开它；某个 sysctl.conf、VPN 或安全脚本把它改回 0，所有容器就都断网了。要持久生效，写进 /etc/sysctl.d/（`net.ipv4.ip_forward = 1`）。',
  ),
};

const OUTBOUND = '-i docker0 ! -o docker0 -j ACCEPT';

export const FORWARD_DROP: Challenge = {
  id: 'challenge-forward-drop',
  title: t(
    'No internet: FORWARD drops what Docker used to accept',
    '没有外网：FORWARD 丢掉了 Docker 原本放行的包',
  ),
  goal,
  // Docker ≤ 27's chains: its outbound ACCEPT is a FORWARD rule of its own (Docker 28+ moved it).
  profiles: ['docker-27'],
  broken: [runApp, iptables('-P FORWARD DROP'), iptables(`-D FORWARD ${OUTBOUND}`)],
  goals,
  hints: [
    firstHint,
    t(
      'The request is dropped on the host in filter FORWARD, by no rule at all: by the chain’s policy. `iptables -L FORWARD -v -n` shows the policy and what is left.',
      '请求在宿主机的 filter FORWARD 被丢弃，丢它的不是某条规则，而是链的默认策略。`iptables -L FORWARD -v -n` 能看到策略和剩下的规则。',
    ),
    t(
      `Docker sets FORWARD’s policy to DROP and accepts its containers’ outbound traffic with its own rule, \`-A FORWARD ${OUTBOUND}\`. That rule is gone: put it back exactly as Docker writes it.`,
      `Docker 把 FORWARD 的策略设为 DROP，再用自己的规则 \`-A FORWARD ${OUTBOUND}\` 放行容器的出站流量。这条规则不见了：照 Docker 的写法把它加回去。`,
    ),
  ],
  fixes: [
    { commands: [`iptables -A FORWARD ${OUTBOUND}`], steps: [iptables(`-A FORWARD ${OUTBOUND}`)] },
    { commands: ['iptables -P FORWARD ACCEPT'], steps: [iptables('-P FORWARD ACCEPT')] },
  ],
  explain: t(
    `When Docker turns forwarding on it also sets FORWARD’s policy to DROP (moby#34164), so the host does not route for anyone else, and accepts its own traffic with rules: replies back in (\`-o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\`) and containers out (\`${OUTBOUND}\`). Without the second, a container’s first packet out falls through to the DROP policy, silently. Re-adding Docker’s rule restores exactly what Docker allowed; \`iptables -P FORWARD ACCEPT\` works too, but lets the host forward anything for anyone. Restarting dockerd also recreates its rules.`,
    `Docker 打开转发时会把 FORWARD 的策略设为 DROP（moby#34164），免得宿主机替别人转发，再用规则放行自己的流量：回来的应答（\`-o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\`）和容器出站（\`${OUTBOUND}\`）。少了后一条，容器发出的第一个包就落到 DROP 策略上，悄无声息。照原样加回 Docker 的规则，恢复的正是 Docker 允许的东西；\`iptables -P FORWARD ACCEPT\` 也行，但它让宿主机替任何人转发任何东西。重启 dockerd 也会重建它的规则。`,
  ),
};

const MASQ = '-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE';

export const NO_MASQUERADE: Challenge = {
  id: 'challenge-no-masquerade',
  title: t('No internet: replies have nowhere to go', '没有外网：应答无处可回'),
  goal,
  broken: [runApp, iptables(`-t nat -D POSTROUTING ${MASQ}`)],
  goals,
  hints: [
    firstHint,
    t(
      'The request leaves eth0 with its source still 172.17.0.2. Can the server’s answer ever find its way back to a private address?',
      '请求从 eth0 出去时，源地址仍是 172.17.0.2。服务器的应答能找到回这个私有地址的路吗？',
    ),
    t(
      `Docker hides its containers behind the host’s address with a nat POSTROUTING rule, \`-A POSTROUTING ${MASQ}\`. \`iptables -t nat -S POSTROUTING\` shows it is gone: add it back.`,
      `Docker 用 nat POSTROUTING 的一条规则 \`-A POSTROUTING ${MASQ}\` 把容器藏在宿主机地址后面。\`iptables -t nat -S POSTROUTING\` 显示它不见了：把它加回去。`,
    ),
  ],
  fixes: [
    {
      commands: [`iptables -t nat -A POSTROUTING ${MASQ}`],
      steps: [iptables(`-t nat -A POSTROUTING ${MASQ}`)],
    },
  ],
  explain: t(
    `172.17.0.0/16 is private: no router outside knows the way back to it. Docker's rule \`${MASQ}\` rewrites the source of every packet a container sends out of the host to eth0’s address (192.0.2.10), and conntrack undoes it on the replies. Without it the request still leaves, but the answer is addressed to 172.17.0.2 and the router has no route for it. Forwarding and the filter rules were fine all along: NAT was missing.`,
    `172.17.0.0/16 是私有网段：外面的路由器都不知道怎么回到那里。Docker 的规则 \`${MASQ}\` 把容器发出宿主机的每个包的源地址改写成 eth0 的地址（192.0.2.10），conntrack 再在应答上把它改回来。少了它，请求照样能出去，但应答的目的地址是 172.17.0.2，路由器没有去那里的路由。转发和过滤规则一直没问题：缺的是 NAT。`,
  ),
};
