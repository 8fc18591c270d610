// The host shell's `help`: what this lab's terminal understands. Plain text.
import { LAB_USAGE } from './host/lab';

export const HOST_HELP = `Docker Network Lab terminal: a simulated Docker host (root shell, bash).

Docker:
  docker run [-d] [-i] [-t] [--rm] [--name N] [--network NET] [-p [IP:]HOST:CTR[/PROTO]] [-P] IMAGE [CMD...]
  docker ps [-a] [-q] [-l] [-n N] [--no-trunc] [--format T] [-f K=V] | inspect [-f T] NAME…
           (T: a Go template, table T or json; K: name id status network publish expose ancestor)
  docker start | stop | rm [-f] | port | logs | exec [-it] NAME CMD... | images | version | info
  docker network ls [-q] [--no-trunc] [--format T] [-f driver|name|id|type=V] | inspect [-f T]
  docker network create [-d bridge] [--subnet CIDR] [--gateway IP] [-o K=V] NAME | rm
  docker network connect NET CTR | disconnect NET CTR           (every docker command takes --help)
Host networking:
  ip [-4|-6] [-br] [-o] [-s [-s]] [-j [-p]] addr|link|neigh [show [dev IF] [master BR] [type KIND] [up]]
  ip [-4|-6] [-d] [-j [-p]] route [show [dev IF] [default|PREFIX] [table main|local|all] [proto P]
           [scope S]] | get ADDR   ip -c [-br] addr|link   ip maddr|rule|netns   ip addr|route help
  ifconfig [-a] [-s] [-v] [IF]   route [-n] [-e[e]] [-C]   arp [-n] [-a] [-v] [-i IF] [HOST]
  netstat -r[n] | -i | -t|-u [-l|-a] [-n] [-p]   ss -t|-u [-l|-a] [-n] [-p] [-4|-6] [-H]
  brctl show [BR] | showmacs BR | showstp BR   bridge [-s] [-d] [-j] vlan | link [show [dev IF]]
  bridge [-s] [-j] fdb show [br BR] [dev IF]
  iptables [-t TABLE] -L [CHAIN [N]] [-n] [-v] [-x] [--line-numbers] [-Z] | -S [CHAIN [N]] | -h
  iptables [-t TABLE] -A|-C|-D CHAIN RULE | -I CHAIN [N] RULE | -D CHAIN N | -P CHAIN ACCEPT|DROP
           | -N|-X CHAIN | -F|-Z [CHAIN]     RULE: [!] -s|-d CIDR [!] -i|-o IF -p tcp|udp|icmp
           [--dport N] -m conntrack --ctstate S,… -m addrtype --dst-type LOCAL -j TARGET|CHAIN
  iptables-save [-t TABLE] [-c]   (TABLE: filter, nat, raw; mangle and security are empty)
  conntrack -L|-E [-p tcp|udp|icmp] [-s|-d IP] [--sport|--dport N] [-n|-g|-j [IP]] [-o extended]
           | -C | -S | -h   (-E: the last flow's events)
  sysctl [-n|-N|-e|-q] [-w] KEY[=V]   cat /proc/sys/net/ipv4/ip_forward
  nsenter -t PID -n ip ...|iptables [-t nat] -S|tcpdump -i lo ...   (PID: docker inspect -f '{{.State.Pid}}' NAME)
  cat /proc/net/arp|route|dev|nf_conntrack /etc/hosts /etc/resolv.conf   hostname   uname [-a]   busybox APPLET
  tcpdump [-i IF|any] [-n] [-e] [-v] [-c N] [-p] [EXPR]   (the last flow's packets at IF)
  tcpdump ... &   (a job beside the flows to come: prints as playback passes IF; Stop or Ctrl+C)
Clients (each sends packets you can step through in the diagram):
  ping [-c N] HOST   curl [-sSv] [-m SEC] [-o FILE] [-w FMT] URL   wget [-q] [-O FILE] URL
  nc -zv [-u] [-w SEC] HOST PORT   nc HOST PORT (prints what the server says first: sshd on 22)
Servers: the host's sshd on 22; in containers busybox nc -l[k][u] -p PORT, httpd [-f] -p PORT,
  python:3.12-slim python3 [-u] -m http.server [-b ADDR] [-d DIR] [PORT] (docker run or exec -d)
Inside a container (docker exec -it NAME sh|bash), what its image has: busybox and alpine
  ifconfig, ip [-4] [-o] (addr|link|route|neigh|rule, route get), route, netstat -r, arp, ping,
  wget, nc, nslookup NAME [SERVER], cat, hostname, uname, exit; nginx (Debian) curl, cat,
  hostname, uname only
Lab:
${LAB_USAGE.replace(/^usage:\n/, '')}Shell: help, clear, history, echo, true, false, $?; CMD | grep|head|tail|wc|sort;
  CMD 2>/dev/null, >/dev/null, &>/dev/null, 2>&1, >&2 (no other files).
Tab completes commands, flags, containers and networks.
`;
