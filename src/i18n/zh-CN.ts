// 简体中文叙述目录：引擎每个 `why.key` 一句话（契约见 src/sim/messages.ts），{name} 由 why.params 填入。
// Typed against WhyKey: a new engine key fails the build until it is translated here.
import type { WhyKey } from '../sim';

export const zhCN: { readonly [K in WhyKey]: string } = {
  send: '{node} 中的一个套接字把数据包交给自己的网络协议栈。',
  'send.kernel': '这个数据包由 {node} 的内核自己发出。',
  'send.retry':
    '{node} 中的套接字还没有收到 SYN-ACK：第一个 SYN 发出 {after} 秒后，它的内核再次发送同一个 SYN（第 {n} 次；两次之间依次等 1、2、4、8… 秒，第一个 SYN 发出 127 秒后 connect() 放弃）。',
  'send.dns-embedded': 'Docker 内置 DNS 服务器（127.0.0.11，由 dockerd 应答）发出应答。',
  'send.dns-forwarder': 'dockerd 从 {node} 把查询转发给 {dst} 的解析器。',
  'send.dns-resolver': '{src} 的解析器发出应答。',
  'route.local': '{dst} 是{at}自己的地址：数据包交给本地套接字。',
  'route.default': '{At}没有到 {dst} 的具体路由：按默认路由，经网关 {via} 从 {dev} 发出。',
  'route.via': '{At}到 {dst} 的路由经网关 {via}，从 {dev} 发出。',
  'route.connected': '对{at}来说，{dst} 位于直连网络 {net}：直接从 {dev} 发出，不经网关。',
  'arp.request':
    '{At}还不知道 {ip} 的 MAC 地址：在 {iface} 上广播“谁是 {ip}？”（第 {attempt} 次）。',
  'arp.reply': '{ip} 在这里：它的主人用自己的 MAC {mac} 作答。',
  'arp.resolved': '{At}得知 {ip} 对应 {mac}，写入邻居表缓存。',
  'arp.queued':
    '{iface} 上对 {ip} 的 ARP 解析已在进行：数据包先存放在该邻居表项里，等待这次解析的结果，不再发送新的请求。',
  tx: '帧从{at}的 {iface} 发出。',
  'tx.bridge': '宿主机把帧送进网桥 {iface}。',
  'tx.lo': '目的地就是本机：数据包经 lo 环回。',
  rx: '经过网线：从{fromNode}的 {from} 发出的帧，到达{at}的 {iface}。',
  'rx.veth': '穿过 veth 对：从{fromNode}这一端 {from} 进入，从{at}那一端 {iface} 出来。',
  'rx.bridge': '网桥把帧交给宿主机自己的端口 {iface}：帧进入宿主机的 IP 协议栈。',
  'rx.lo': '数据包从 lo 回到本机。',
  'bridge.learn': '网桥 {bridge} 学习到：{mac} 位于端口 {port} 之后。',
  'bridge.flood': '{bridge} 不认识目的地址（或者这是广播）：把帧泛洪到 {ports} 个端口。',
  'bridge.forward': '{bridge} 知道 {mac} 在 {port} 之后：只在二层把帧交换过去。',
  'bridge.local': '目的 MAC 是网桥自己的：{bridge} 把帧上交给宿主机。',
  'brnf.bridged-dnat':
    'br_netfilter：DNAT 把帧改发给 {dst}，它就在 {bridge} 上，所以网桥直接把帧交换给 {mac}，而不是路由它（保留发送方 MAC 和 TTL）。',
  'brnf.enter': 'br_netfilter 已开启：在 {bridge} 上桥接的 IPv4 帧也要经过 iptables。',
  'nf.jump': '{table}/{chain}：一条规则匹配，跳转到 {target}。',
  'nf.return': '{table}/{chain}：RETURN，回到调用它的链。',
  'nf.rule': '{table}/{chain}：一条规则匹配：{target}。',
  'nf.policy': '{table}/{chain}：没有规则作出决定，执行链的默认策略 {target}。',
  'ct.new': '连接跟踪（conntrack）：新连接的第一个包（状态 NEW），准备条目 #{id}。',
  'ct.established': '连接跟踪：这个包属于连接 #{id}（ESTABLISHED）。',
  'ct.reply': '连接跟踪：连接 #{id} 的应答包，与应答方向元组相符（ESTABLISHED）。',
  'ct.related': '连接跟踪：与连接 #{id} 相关（RELATED）的 ICMP 差错报文。',
  'ct.confirm': '连接跟踪：第一个包通过了所有钩子，条目 #{id} 得到确认。',
  'ct.tcp-state':
    '连接跟踪：数据包属于连接 #{id}（ESTABLISHED）；它的 TCP 状态由 {from} 变为 {to}，条目将在 {timeout} s 后过期。',
  'ct.reply-tcp-state':
    '连接跟踪：连接 #{id} 的应答包（ESTABLISHED）；它的 TCP 状态由 {from} 变为 {to}，条目将在 {timeout} s 后过期。',
  'ct.deleted':
    '连接跟踪：还没见到任何应答就收到 RST：条目 #{id} 立即被删除（这个包仍带着它，所以 NAT 照样还原）。',
  'ct.invalid':
    '连接跟踪：处于 {state} 状态的连接 #{id} 不接受这个报文段：它不再被跟踪（INVALID），继续传送。',
  'ct.untracked':
    '连接跟踪：一个不属于任何已知连接的 {flags} 报文段不能开启新连接：它不再被跟踪（INVALID），继续传送。',
  'ct.invalid-icmp':
    '连接跟踪：一个不属于任何已知连接的 ICMP 报文（类型 {type}：回显应答，或引用的包不被跟踪的差错报文）不能开启新连接：它不再被跟踪（INVALID），继续传送。',
  'nat.dnat': '目的地址转换（DNAT）：改写目的地址；conntrack 把它记在应答方向元组里。',
  'nat.ct-dnat': '同一连接，同样的 DNAT：由 conntrack 改写目的地址（不再查规则）。',
  'nat.ct-unsnat': '这是一个被 MASQUERADE 的连接的应答：conntrack 恢复原来的目的地址。',
  'nat.masquerade': 'MASQUERADE：源地址改为出接口的地址。',
  'nat.snat': '源地址转换（SNAT）：改写源地址。',
  'nat.null-binding':
    '没有规则改写这个新连接的源地址，但它的元组会与另一个连接的回复元组相同：conntrack 的 NAT 给它换一个源端口。',
  'nat.null-binding-echo':
    '没有规则改写这个新的 ping，但另一个连接的回复元组已经用着它到这个地址的 echo id：conntrack 的 NAT 给它换一个 id（回复时再换回原来的）。',
  'nat.ct-snat': '同一连接，同样的源地址转换：由 conntrack 改写源地址。',
  'nat.ct-undnat': '这是一个做过 DNAT 的连接的应答：conntrack 换回客户端当初访问的地址。',
  'forward.ttl': '{At}把数据包从 {from} 路由到 {to}：TTL 减为 {ttl}。',
  'l2.rewrite': '为 {dev} 上的下一跳换上新的以太网头。',
  'deliver.stack': '交付给 {node} 的网络协议栈。',
  'deliver.listener': '{process} 正在监听端口 {port}：交付给它。',
  'deliver.proxy': 'docker-proxy 正在监听端口 {port}：它接受连接，再转发给容器。',
  'deliver.client': '交付给发起这个连接的客户端套接字。',
  'deliver.dns-embedded': '交付给 Docker 内置 DNS 服务器（127.0.0.11，由 dockerd 应答）。',
  'deliver.dns-forwarder': '交付给 dockerd，它再从 127.0.0.11 应答客户端。',
  'deliver.dns-resolver': '交付给 {dst} 的解析器。',
  'deliver.no-listener-tcp': '端口 {port} 上没有进程监听：内核回复 TCP RST。',
  'deliver.no-listener-udp': 'UDP 端口 {port} 上没有进程监听：内核回复 ICMP 端口不可达。',
  'deliver.echo': '一个 ICMP 回显请求：由内核自己应答。',
  'deliver.icmp': '一条发给本机的 ICMP 消息。',
  'deliver.host-unreachable':
    '内核告诉发送方的套接字：{ip} 不可达（ICMP 主机不可达，经 lo 环回）。',
  'drop.policy': '丢弃：没有规则接受它，而 {hook} 的默认策略是 DROP。',
  'drop.rule': '被规则 {rule} 丢弃。',
  'drop.no-route': '没有到 {dst} 的路由：数据包无法发出（Network is unreachable）。',
  'drop.forwarding-disabled': 'net.ipv4.ip_forward=0：{node} 不转发不属于自己的数据包，丢弃。',
  'drop.ttl-exceeded': 'TTL 减到 0：丢弃。',
  'drop.net-unreachable':
    '{At}没有到 {dst} 的路由：丢弃数据包，并向发送方回复 ICMP 网络不可达（net unreachable）。',
  'drop.arp-failed': '在 {dev} 上没有人应答 {ip} 的 ARP 请求：主机不可达。',
  'drop.no-network': '{At}的网络命名空间除了 lo 之外没有任何网络接口。',
  'drop.no-listener': '那里没有进程监听。',
  'drop.invalid': '数据包丢失了。',
  'drop.nf-budget':
    '由模拟器丢弃，而不是 Linux：在 {hook} 中走到链 {chain} 时，这一个数据包已进入 {chains} 次链或测试 {rules} 条规则。这些规则一次又一次跳到同样的链（内核会全部走完，只是要多用时间）。',
  'drop.lost':
    '没有人接收这个帧：它发往一个网段上已无人拥有的 MAC 地址（过期的邻居表项），于是丢失了。',
};
