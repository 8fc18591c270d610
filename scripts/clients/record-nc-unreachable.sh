#!/bin/sh
# Records what netcat-openbsd 1.219 (Debian 12's, the lab's host nc) prints when the address is on
# a connected subnet and nobody answers ARP: without -w the kernel gives up on the neighbour after
# 3 probes 1 s apart (EHOSTUNREACH); -w 1 ends the connect first. Into
# src/terminal/__fixtures__/nc-unreachable.txt. Root; everything runs in a throwaway network
# namespace (unshare -n) on a veth of its own, nothing touches the machine's network.
set -eu
OUT=$(cd "$(dirname "$0")/../.." && pwd)/src/terminal/__fixtures__
mkdir -p "$OUT"
unshare -n sh -eu -c '
ip link set lo up
ip link add d0 type veth peer name d1
ip addr add 10.9.0.1/24 dev d0
ip link set d0 up; ip link set d1 up
for c in "nc -zv 10.9.0.99 80" "nc -zv -w 1 10.9.0.98 80"; do
  echo "\$ $c"
  $c </dev/null 2>&1 && echo "exit 0" || echo "exit $?"
done
' >"$OUT/nc-unreachable.txt"
cat "$OUT/nc-unreachable.txt"
