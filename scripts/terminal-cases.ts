// The corpus's cases: every host command and option the lab's `help` lists, the selectors and
// filters learners add, and their common mistakes; in the containers, busybox's applets. Recorded
// by scripts/record-terminal.ts. A case is one shell line (`;` joins lines whose `$?` matters).
import type { CorpusLine } from '../src/terminal/testing/corpus-world';

const host = (...lines: string[]): CorpusLine[] => lines.map((line) => ({ where: 'host', line }));
const c1 = (...lines: string[]): CorpusLine[] => lines.map((line) => ({ where: 'c1', line }));
const each = (pre: string[], mid: string[], post: string[] = ['']): string[] =>
  pre.flatMap((a) => mid.flatMap((b) => post.map((c) => [a, b, c].filter(Boolean).join(' '))));

const IP_OPTS = ['', '-br', '-4', '-6', '-s', '-d', '-o', '-j', '-4 -br', '-s -s'];
const IP_OBJECTS = ['addr', 'link', 'route', 'neigh', 'a', 'l', 'r', 'n', 'address', 'neighbour'];

// prettier-ignore
const ALL: readonly CorpusLine[] = [
  // ip: every object × the global options, then selectors
  ...host(...each(['ip'], IP_OPTS, ['addr', 'link', 'route', 'neigh'])),
  ...host(...each(['ip'], IP_OBJECTS, ['', 'show', 'list', 'ls'])),
  ...host(
    ...each(
      ['ip addr show', 'ip link show', 'ip -br addr show', 'ip -4 addr show'],
      [
        'dev docker0', 'docker0', 'dev eth0', 'eth0', 'lo', 'veth3f1a2b7', 'dev nosuch', 'nosuch',
        'master docker0', 'type veth', 'type bridge', 'up', 'dev',
      ],
    ),
    ...each(
      ['ip route', 'ip route show'],
      [
        'dev docker0', 'dev eth0', 'dev nosuch', 'default', '172.17.0.0/16', 'table main',
        'table local', 'table all', 'proto kernel', 'scope link', 'match 172.17.0.2',
        'root 172.16.0.0/12',
      ],
    ),
    ...each(
      ['ip route get'],
      [
        '198.51.100.7', '172.17.0.2', '172.17.0.3', '192.0.2.1', '192.0.2.10', '127.0.0.1',
        '172.17.0.1', '8.8.8.8 from 172.17.0.1', 'nosuch', '', '10.0.0.0/8',
      ],
    ),
    ...each(
      ['ip neigh show', 'ip -4 neigh'],
      ['dev docker0', 'dev eth0', 'nud reachable', '172.17.0.2', 'dev nosuch'],
    ),
    'ip addr shw', 'ip a s', 'ip link sh', 'ip route lst', 'ip nosuch', 'ip', 'ip -V',
    'ip -x addr', 'ip addr help', 'ip route help', 'ip link show dev', 'ip -c addr',
    'ip -color=never addr', 'ip -h addr', 'ip route add', 'ip addr add', 'ip route flush',
    'ip -j -p addr show lo', 'ip -br -c link', 'ip link show nosuch; echo $?',
    'ip link show lo; echo $?', 'ip addr shw; echo $?', 'echo $?', 'ip r g 198.51.100.7',
    'ip route get to 198.51.100.7', 'ip maddr', 'ip netns', 'ip rule',
  ),
  // bridge, brctl
  ...host(
    'bridge link', 'bridge link show', 'bridge -d link', 'bridge link show dev veth3f1a2b7',
    'bridge fdb', 'bridge fdb show', 'bridge fdb show br docker0',
    'bridge fdb show dev veth3f1a2b7', 'bridge fdb show br nosuch', 'bridge -s fdb', 'bridge vlan',
    'bridge nosuch', 'bridge', 'bridge -j link', 'brctl show', 'brctl show docker0',
    'brctl show nosuch', 'brctl showmacs docker0', 'brctl showmacs nosuch',
    'brctl showstp docker0', 'brctl', 'brctl nosuch', 'brctl show; echo $?',
    'brctl show nosuch; echo $?',
  ),
  // net-tools
  ...host(
    'ifconfig', 'ifconfig -a', 'ifconfig docker0', 'ifconfig eth0', 'ifconfig lo',
    'ifconfig veth3f1a2b7', 'ifconfig nosuch', 'ifconfig -s', 'ifconfig -v',
    'ifconfig nosuch; echo $?', 'route', 'route -n', 'route -e', 'route -ne', 'route -nee',
    'route -x', 'route -n -4', 'route -A inet -n', 'route -C', 'route -n; echo $?',
    'route -x; echo $?', 'arp', 'arp -n', 'arp -a', 'arp -an', 'arp -e', 'arp -n -i docker0',
    'arp -n 172.17.0.2', 'arp -n 172.17.0.9', 'arp -a 172.17.0.3', 'arp -n -i eth0', 'arp -x',
    'arp -v -n', 'netstat -rn', 'netstat -r', 'netstat -i', 'netstat -nr -4',
  ),
  // sockets: docker-proxy's listeners (ss from iproute2, netstat from net-tools)
  ...host(
    'ss -tlnp', 'ss -tln', 'ss -lntp', 'ss -tulpn', 'ss -ulnp', 'ss -tl', 'ss -4tln', 'ss -6tln',
    'ss -t', 'ss -y', 'netstat -tlnp', 'netstat -tln', 'netstat -tulpn', 'netstat -lnt',
    'netstat -tl', 'netstat -t', 'netstat -tan', 'netstat -ulnp',
  ),
  // usage and help texts, and the option combinations that change nothing
  ...host(
    'route -h', 'arp -h', 'netstat -h', 'netstat -q', 'sysctl -h', 'ifconfig -x', 'ss -V',
    'brctl showmacs', 'bridge -x', 'bridge help', 'bridge -s link', 'bridge -d fdb', 'bridge -j fdb',
    'bridge -j vlan',
  ),
  // iptables and iptables-save (read-only)
  ...host(
    ...each(
      ['iptables'],
      ['', '-t filter', '-t nat', '-t mangle', '-t raw'],
      ['-L', '-L -n', '-L -n -v', '-L -nv', '-L -v -n -x', '-S', '-L --line-numbers -n', '-nvL'],
    ),
    ...each(
      ['iptables -L', 'iptables -S', 'iptables -L -n -v'],
      ['FORWARD', 'DOCKER', 'DOCKER-USER', 'INPUT', 'OUTPUT', 'nosuch', 'DOCKER-ISOLATION-STAGE-1'],
    ),
    ...each(
      ['iptables -t nat -L', 'iptables -t nat -S', 'iptables -t nat -L -n'],
      ['DOCKER', 'PREROUTING', 'POSTROUTING', 'OUTPUT', 'FORWARD'],
    ),
    'iptables-save', 'iptables-save -t nat', 'iptables-save -t filter', 'iptables-save -t mangle',
    'iptables-save -t raw', 'iptables-save -c', 'iptables-save -t nosuch', 'iptables-save -x',
    'iptables', 'iptables -V', 'iptables --version', 'iptables -h | head -3',
    'iptables -L -n --line-number', 'iptables -L -n --line', 'iptables --list -n',
    'iptables --list-rules', 'iptables -t nat --list -n', 'iptables -L -n -t nat',
    'iptables -nL -t nat', 'iptables -t nosuch -L', 'iptables -L -n; echo $?',
    'iptables -L nosuch; echo $?', 'iptables -l', 'iptables -L FORWARD 1', 'iptables -S FORWARD 1',
    'iptables -L -n -x', 'iptables -vL', 'iptables -t nat -vnL', 'iptables -L -Z',
    'iptables -nvL DOCKER-USER',
  ),
  // conntrack
  ...host(
    'conntrack -L', 'conntrack -L -p icmp', 'conntrack -L -p tcp', 'conntrack -L -p udp',
    'conntrack -L -s 172.17.0.1', 'conntrack -L -d 172.17.0.2', 'conntrack -L -d 172.17.0.3',
    'conntrack -L -o extended', 'conntrack -L -n', 'conntrack -L -g', 'conntrack -C',
    'conntrack -S | head -1', 'conntrack -L -p nosuch', 'conntrack', 'conntrack -x',
    'conntrack -L -s 300.1.1.1', 'conntrack -V', 'conntrack -L -p icmp -s 172.17.0.1',
    'conntrack -L -p tcp --dport 80', 'conntrack -L --dst 172.17.0.2', 'conntrack -L -f ipv4',
    'conntrack -L conntrack', 'conntrack -L expect', 'conntrack -C; echo $?',
    'cat /proc/net/nf_conntrack', 'cat /proc/net/arp', 'cat /proc/net/route',
    'cat /proc/net/dev | head -2',
  ),
  // sysctl and /proc/sys
  ...host(
    'sysctl net.ipv4.ip_forward', 'sysctl -n net.ipv4.ip_forward',
    'sysctl net.ipv4.conf.all.forwarding', 'sysctl net.bridge.bridge-nf-call-iptables',
    'sysctl -n net.bridge.bridge-nf-call-iptables', 'sysctl net.ipv4.conf.docker0.forwarding',
    'sysctl net.ipv4.conf.default.forwarding', 'sysctl net.ipv4.conf.docker0.route_localnet',
    'sysctl net.ipv4.conf.all.rp_filter', 'sysctl net.nosuch', 'sysctl nosuch', 'sysctl',
    'sysctl -n', 'sysctl net/ipv4/ip_forward', 'sysctl -e net.nosuch',
    'sysctl -q net.ipv4.ip_forward', 'sysctl -b net.ipv4.ip_forward',
    'sysctl net.ipv4.ip_forward net.bridge.bridge-nf-call-iptables',
    'sysctl -N net.ipv4.ip_forward', 'sysctl net.ipv4.ip_local_port_range',
    'sysctl net.ipv4.conf.eth0.forwarding', 'sysctl -x', 'cat /proc/sys/net/ipv4/ip_forward',
    'cat /proc/sys/net/ipv4/conf/all/forwarding',
    'cat /proc/sys/net/bridge/bridge-nf-call-iptables', 'cat /proc/sys/net/ipv4/nosuch',
    'cat /proc/sys/net/ipv4/ip_forward; echo $?', 'cat /proc/sys/net/ipv4/nosuch; echo $?',
  ),
  // shell basics and busybox on the host
  ...host(
    'hostname', 'hostname -s', 'echo hello', 'echo', 'echo $?', 'true; echo $?', 'false; echo $?',
    'nosuchcommand', 'nosuchcommand; echo $?', 'busybox ip addr', 'busybox ifconfig docker0',
    'busybox ip route', 'busybox route -n', 'busybox arp -n', 'busybox nosuch', 'busybox ip neigh',
    'busybox ip link', 'ip route | grep docker0', 'ip addr | grep inet',
    'iptables-save | grep DNAT', 'iptables -S | wc -l', 'ip -br addr | head -2',
    'conntrack -L 2>/dev/null | wc -l', 'ip route | tail -1',
  ),
  // inside c1: busybox applets
  ...c1(
    'ip addr', 'ip a', 'ip link', 'ip route', 'ip neigh', 'ip -4 addr', 'ip addr show eth0',
    'ip addr show nosuch', 'ip route get 198.51.100.7', 'ip r', 'ip -br addr', 'ip addr shw',
    'ip nosuch', 'ip -s link', 'ifconfig', 'ifconfig eth0', 'ifconfig nosuch', 'ifconfig -a',
    'route', 'route -n', 'arp', 'arp -n', 'arp -a', 'netstat -rn', 'hostname', 'ip link show lo',
    'ip -o addr', 'route -x', 'ip route show dev eth0', 'cat /proc/net/arp', 'cat /proc/net/route',
    'echo $?', 'ip link show nosuch; echo $?',
  ),
  // iptables' help, rule numbers, -Z with a listing, the security table, iptables-save's options
  ...host(
    'iptables -h', 'iptables --help', 'iptables -L -h', 'iptables -t security -L',
    'iptables -t security -S', 'iptables-save -t security', 'iptables -L FORWARD 3',
    'iptables -L FORWARD 99', 'iptables -L FORWARD 0', 'iptables -L FORWARD x',
    'iptables -L -n -v FORWARD 2', 'iptables -L FORWARD 2 -n --line-numbers',
    'iptables -S FORWARD 99', 'iptables -t nat -L DOCKER 2', 'iptables -L DOCKER-USER 1 2',
    'iptables -L nosuch 1', 'iptables -L -Z FORWARD', 'iptables -Z FORWARD -L',
    'iptables -L -n -v -Z', 'iptables -S -Z', 'iptables-save --nosuch', 'iptables-save -t',
    'iptables-save -V', 'iptables-save -c -t nat -t filter', 'iptables-save nosuch',
    'iptables-save -h', 'iptables-save -ct nat', 'iptables-save --table=nat',
  ),
  // conntrack: help, -z and -Z, what -C and -S refuse, the NAT filters with an address
  ...host(
    'conntrack -h', 'conntrack --help', 'conntrack -Z', 'conntrack -L -z', 'conntrack -C -n',
    'conntrack -C -p tcp', 'conntrack -S conntrack | head -1', 'conntrack -L -C',
    'conntrack -L -z -p icmp', 'conntrack -L -n 172.17.0.1', 'conntrack -L -g 172.17.0.2',
    'conntrack -L -j', 'conntrack -L -n -p tcp', 'conntrack -L -g nosuch', 'conntrack -L -o nosuch',
    'conntrack -C expect', 'conntrack -L -n -g', 'conntrack -L --src-nat',
  ),
  // the shell's redirections
  ...host(
    'conntrack -L 2>&1 | wc -l', 'conntrack -L >/dev/null', 'conntrack -L &>/dev/null',
    'iptables -L nosuch 2>/dev/null; echo $?', 'iptables -L nosuch 2>&1 | head -1',
    'echo hi >&2', 'echo hi 1>&2 2>/dev/null', 'ip link show nosuch 2>/dev/null; echo $?',
    'echo a >&3', "echo '2>/dev/null'", 'echo a2>/dev/null', 'conntrack -L 2>&1 >/dev/null | wc -l',
    'iptables -S FORWARD 1 > /dev/null; echo $?',
  ),
  ...c1('cat /nosuch 2>/dev/null; echo $?', 'echo hi >&2', 'cat /nosuch 2>&1 | wc -l'),
  // ip: -6 and -br with selectors, -s -s and -iec on one device, -j -p, -d with a selector, and
  // busybox ip's rule, -f, ambiguous object, link errors and route get
  ...host(
    'ip -6 addr show dev docker0', 'ip -6 route show dev eth0', 'ip -6 route show table local',
    'ip -br -6 addr', 'ip -6 -o addr', 'ip -s -s link show docker0', 'ip -j -p route',
    'ip -j -p neigh', 'ip -d route show dev docker0', 'ip -6 rule', 'ip -j link show lo',
    'ip -iec -s link show lo', 'ip r s t local', 'ip addr flush', 'ip -6 neigh show dev docker0',
  ),
  ...c1(
    'ip rule', 'ip -f inet addr', 'ip link nosuch; echo $?', 'ip t', 'ip route get 172.17.0.3',
    'ip -o link', 'ip route get 127.0.0.1', 'ip -6 addr',
  ),
  // uname: coreutils on the host, busybox in c1 (the kernel's release and version are compared by
  // shape: the recording machine's kernel is not the lab's Debian 12 one, see testing/corpus.ts)
  ...host(
    'uname', 'uname -a', 'uname -r', 'uname -n', 'uname -snrvmpio', 'uname -a -p', 'uname -x',
    'uname foo', 'uname --kernel', 'uname --all', 'uname --kernel-name=x', 'uname --version',
    'uname --help', 'busybox uname -a',
  ),
  ...c1('uname', 'uname -a', 'uname -n', 'uname -o', 'uname -z', 'uname foo', 'uname --help'),
];

/** Each (place, line) once: the option × object grid repeats a few lines the selectors list too. */
export const CASES: readonly CorpusLine[] = ALL.filter(
  (c, i) => ALL.findIndex((d) => d.where === c.where && d.line === c.line) === i,
);
