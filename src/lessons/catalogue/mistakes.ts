// Wrong answers several lessons share, each with why it is wrong: the mistakes learners really make
// (the host's address or the router taken for a container's gateway, a NAT rule thought to rewrite
// replies, INPUT thought to see forwarded packets).
import type { Mistake } from '../types';
import { miss } from './common';

/** What a bridge container's default gateway is not. */
export const GATEWAY: readonly Mistake[] = [
  miss(
    '192.0.2.10',
    "192.0.2.10 is the host's address on eth0, on 192.0.2.0/24: not on the container's subnet, so it cannot be its gateway.",
    '192.0.2.10 是宿主机 eth0 的地址，在 192.0.2.0/24 上，不在容器的子网里，不可能是它的网关。',
  ),
  miss(
    '192.0.2.1',
    "192.0.2.1 is the router outside, the host's own gateway; the container cannot reach it directly.",
    '192.0.2.1 是外面的路由器，是宿主机自己的网关；容器无法直接到达它。',
  ),
  miss(
    '172.17.0.2',
    "172.17.0.2 is the container's own address; a gateway is another machine on the subnet.",
    '172.17.0.2 是容器自己的地址；网关是同一子网上的另一台设备。',
  ),
];

/** Where the host does not send a packet for a container on docker0. */
export const TO_BRIDGE: readonly Mistake[] = [
  miss(
    'host/eth0',
    "The host's eth0 leads to the router and the world outside; 172.17.0.0/16 is not out there.",
    '宿主机的 eth0 通往路由器和外部世界；172.17.0.0/16 不在那边。',
  ),
  miss(
    'host/lo',
    "lo carries only packets for the host's own addresses; 172.17.0.2 belongs to a container.",
    'lo 只承载发往宿主机自身地址的包；172.17.0.2 属于一个容器。',
  ),
];

export const NAT_BY_CONNTRACK: readonly Mistake[] = [
  miss(
    'rule',
    "iptables nat rules see only a connection's first packet (state NEW). There is no reverse rule: later packets and replies are translated from the conntrack entry.",
    'iptables 的 nat 规则只看连接的第一个包（状态 NEW）。并不存在反向规则：后续的包和应答都按 conntrack 条目转换。',
  ),
  miss(
    'proxy',
    'docker-proxy relays only connections it accepts itself (to 127.0.0.1, say); this connection was DNATed by the kernel and never reached the proxy.',
    'docker-proxy 只转发它自己接受的连接（比如访问 127.0.0.1 的）；这个连接由内核做了 DNAT，根本没到代理那里。',
  ),
];

export const NOT_ESTABLISHED: readonly Mistake[] = [
  miss(
    'NEW',
    'NEW is the first packet of a connection; the SYN already created this entry, and the SYN-ACK matches its reply tuple.',
    'NEW 是连接的第一个包；SYN 已经建立了这个条目，SYN-ACK 与它的应答方向元组相符。',
  ),
  miss(
    'RELATED',
    "RELATED is a packet tied to another connection, such as an ICMP error about it; this is the connection's own reply.",
    'RELATED 指与另一条连接相关的包，比如关于它的 ICMP 差错报文；这里是该连接自己的应答。',
  ),
  miss(
    'INVALID',
    'INVALID means conntrack cannot place the packet in any connection; this one matches the entry the SYN created.',
    'INVALID 表示 conntrack 无法把这个包归入任何连接；而它正好匹配 SYN 建立的那个条目。',
  ),
];

/** Chains that never decide on a forwarded packet's fate the way learners expect. */
export const NOT_FORWARDED_BY: readonly Mistake[] = [
  miss(
    'filter/INPUT',
    'INPUT sees only packets for the host itself. This one is for a container, so it is forwarded: that is why a firewall rule in INPUT (as UFW writes it) does not protect a published port.',
    'INPUT 只处理发给宿主机自己的包。这个包是发给容器的，所以走的是转发：这也是为什么写在 INPUT 里的防火墙规则（UFW 就这么写）保护不了已发布的端口。',
  ),
  miss(
    'nat/PREROUTING',
    'nat chains rewrite addresses; they neither accept nor drop. The filter (or raw) table decides.',
    'nat 表的链只改写地址，不放行也不丢弃。作决定的是 filter 表（或 raw 表）。',
  ),
  miss(
    'filter/DOCKER-USER',
    'DOCKER-USER is where your own rules go; as Docker creates it, it is empty and returns.',
    'DOCKER-USER 是留给你自己写规则的地方；Docker 创建它时它是空的，直接返回。',
  ),
];

export const BRIDGE_NEVER_ROUTES = miss(
  'route',
  'A bridge works at layer 2: it switches, floods or hands frames up. Routing is the job of an IP stack.',
  '网桥工作在二层：它只交换、泛洪或把帧上交。路由是 IP 协议栈的事。',
);
