// Challenge 1: an INPUT rule (as UFW writes it) does not stop traffic to a published port;
// DOCKER-USER does, and so does publishing on 127.0.0.1 only (learner-pitfalls #1, moby#22054).
import { findScenario } from '../../../scenarios';
import { HOST_IP } from '../../catalogue/common';
import type { Challenge } from '../types';
import { WEB_IP, clientToPublished, iptables, publishOn, t } from './common';

// The kernel suite's own scenario: c1 = nginx publishing 8080:80, c2 = busybox, INPUT drops 8080.
const INPUT_RULE = findScenario('input-rule-misses-published-port');
if (!INPUT_RULE) throw new Error('scenario input-rule-misses-published-port is missing');

export const FIREWALL_PUBLISHED: Challenge = {
  id: 'challenge-firewall-published-port',
  title: t(
    'The firewall rule that does not block a published port',
    '挡不住已发布端口（端口映射）的防火墙规则',
  ),
  goal: t(
    'Block the client 203.0.113.5 from the web server: `curl http://192.0.2.10:8080/` from the client must fail, while the host still reaches the web server `c1` at 172.17.0.2:80.',
    '挡住客户端 203.0.113.5：从客户端执行 `curl http://192.0.2.10:8080/` 必须失败，而宿主机仍能访问 Web 服务器 `c1`（172.17.0.2:80）。',
  ),
  broken: INPUT_RULE.setup,
  goals: [
    { flow: clientToPublished, want: 'fails' },
    { flow: { from: { kind: 'host' }, to: WEB_IP, kind: 'http', port: 80 }, want: 'succeeds' },
  ],
  hints: [
    t(
      'Send the client’s curl and follow it in the diagram: which netfilter hooks does it cross on the host, and does it ever reach INPUT?',
      '发送客户端的 curl，在示意图里跟着它走：它在宿主机上经过哪些 netfilter 钩子？它到过 INPUT 吗？',
    ),
    t(
      'PREROUTING DNATs 192.0.2.10:8080 to 172.17.0.2:80, so routing sends the packet on to FORWARD, not INPUT. `iptables -L INPUT -v -n` shows the rule’s counters stay at 0.',
      'PREROUTING 先把 192.0.2.10:8080 DNAT 成 172.17.0.2:80，路由因此把包交给 FORWARD，而不是 INPUT。`iptables -L INPUT -v -n` 里这条规则的计数一直是 0。',
    ),
    t(
      'Docker keeps the chain `DOCKER-USER` at the top of FORWARD for your own rules. It sees the packet after DNAT: its destination port is already 80, so `--dport 8080` never matches there. Match the source instead, or publish on 127.0.0.1 only.',
      'Docker 在 FORWARD 顶部留了 `DOCKER-USER` 链给你自己的规则。它看到的是 DNAT 之后的包：目的端口已经是 80，所以在那里写 `--dport 8080` 永远匹配不上。改为匹配源地址，或者只在 127.0.0.1 上发布端口。',
    ),
  ],
  fixes: [
    {
      commands: ['iptables -I DOCKER-USER -s 203.0.113.5 -j DROP'],
      steps: [iptables('-I DOCKER-USER -s 203.0.113.5 -j DROP')],
    },
    {
      commands: ['docker rm -f c1', 'docker run -d --name c1 -p 127.0.0.1:8080:80 nginx'],
      steps: [
        { op: 'rm', name: 'c1', force: true },
        {
          op: 'run',
          opts: {
            image: 'nginx',
            name: 'c1',
            detach: true,
            ports: [publishOn('127.0.0.1', 8080, 80)],
          },
        },
      ],
    },
  ],
  explain: t(
    `A published port is not a socket on the host: PREROUTING rewrites the destination ${HOST_IP}:8080 to 172.17.0.2:80 (DNAT), and the routing decision that follows sends the packet to FORWARD and out to docker0. INPUT, where UFW and firewalld put their rules, only sees packets for the host’s own sockets, so the DROP on port 8080 never fires. Rules of your own belong in \`DOCKER-USER\`, which FORWARD jumps to before Docker’s ACCEPT; they see the packet after DNAT (port 80, not 8080; Docker’s docs match the original port with \`-m conntrack --ctorigdstport 8080\`). Or do not expose the port at all: \`-p 127.0.0.1:8080:80\` makes Docker DNAT only packets for 127.0.0.1, which no other machine can send.`,
    `已发布的端口并不是宿主机上的套接字：PREROUTING 把目的地址 ${HOST_IP}:8080 改写为 172.17.0.2:80（DNAT），随后的路由决策把包送进 FORWARD，再从 docker0 出去。UFW 和 firewalld 把规则放在 INPUT，而 INPUT 只看发给宿主机自身套接字的包，所以 8080 端口的 DROP 从不触发。自己的规则应写进 \`DOCKER-USER\`：FORWARD 在 Docker 的 ACCEPT 之前先跳到它；它看到的是 DNAT 之后的包（端口 80，不是 8080；Docker 文档用 \`-m conntrack --ctorigdstport 8080\` 匹配原始端口）。或者干脆不对外暴露：\`-p 127.0.0.1:8080:80\` 让 Docker 只对发往 127.0.0.1 的包做 DNAT，别的机器发不出这样的包。`,
  ),
};
