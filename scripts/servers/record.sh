#!/bin/sh
# Records the bytes the lab's host sshd and the python image's `python3 -m http.server` answer with,
# and what curl 7.88.1 and netcat-openbsd 1.219 print for them, into src/sim/__fixtures__/servers/.
# Run as root on Debian 12 with pyenv's Python 3.12 (PY=…): everything runs in a throwaway network
# namespace (unshare -n) on its loopback; nothing touches the machine's own network.
#
# - http.server (run without PYTHONUNBUFFERED, which the image does not set) serves a copy of python:3.12-slim's root directory layout (Debian 12: bin, lib,
#   lib64 and sbin are symlinks into /usr; /.dockerenv is an empty file; the image sets no WORKDIR,
#   so `python3 -m http.server` serves /). Its stdout is a pipe, as under `docker run -d` without -t.
# - sshd is not installed here: a stand-in writes Debian 12's openssh-server banner (the string in
#   /usr/sbin/sshd of openssh-server 1:9.2p1-2+deb12u10, `strings` of the .deb from apt-get download)
#   and, after the client's first line, sshd 9.2's answer to a line that is not an SSH ident
#   (kex.c kex_exchange_identification: send_error "Invalid SSH identification string.").
set -eu
PY=${PY:-$HOME/.pyenv/versions/3.12.1/bin/python3}
OUT=$(cd "$(dirname "$0")/../.." && pwd)/src/sim/__fixtures__/servers
mkdir -p "$OUT"
ROOT=$(mktemp -d)
LOGS=$(mktemp -d)
trap 'rm -rf "$ROOT" "$LOGS"' EXIT
export PY OUT ROOT LOGS
unshare -n sh -eu -c '
ip link set lo up
cd "$ROOT"
mkdir -p usr/bin usr/lib usr/lib64 usr/sbin boot dev etc home media mnt opt proc root run srv sys tmp var
ln -s usr/bin bin; ln -s usr/lib lib; ln -s usr/lib64 lib64; ln -s usr/sbin sbin; : > .dockerenv
# The image sets no PYTHONUNBUFFERED: stdout to a pipe is block-buffered.
env -u PYTHONUNBUFFERED "$PY" -m http.server 8000 >"$LOGS/py.stdout" 2>"$LOGS/py.stderr" &
PYPID=$!
sleep 1
# curl 7.88.1'"'"'s own request bytes, then the raw answer.
printf "GET / HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n" \
  | nc -q 2 127.0.0.1 8000 >"$OUT/http-server-root.raw"
curl -sv http://127.0.0.1:8000/ >/dev/null 2>"$OUT/http-server-curl-v.stderr.txt" || true
sleep 0.5
kill -TERM $PYPID; wait $PYPID 2>/dev/null || true
cp "$LOGS/py.stderr" "$OUT/http-server.stderr.txt"
# A path that does not exist: send_error(404)'s page and headers, and its two stderr lines.
env -u PYTHONUNBUFFERED "$PY" -m http.server 8000 >/dev/null 2>"$LOGS/py404.stderr" &
PYPID=$!
sleep 1
printf "GET /nope HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n" \
  | nc -q 2 127.0.0.1 8000 >"$OUT/http-server-404.raw"
curl -sv http://127.0.0.1:8000/nope >/dev/null 2>"$OUT/http-server-404-curl-v.stderr.txt" || true
sleep 0.5
kill -TERM $PYPID; wait $PYPID 2>/dev/null || true
head -n 2 "$LOGS/py404.stderr" >"$OUT/http-server-404.stderr.txt"
# With -u its stdout is unbuffered: the "Serving HTTP on …" line.
env -u PYTHONUNBUFFERED "$PY" -u -m http.server 8000 >"$OUT/http-server-u.stdout.txt" 2>/dev/null &
PYPID=$!
sleep 1
kill -TERM $PYPID; wait $PYPID 2>/dev/null || true
cp "$LOGS/py.stdout" "$OUT/http-server.stdout.txt"
"$PY" - <<PYEOF &
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", 22)); s.listen(128)
for _ in range(3):
    c, _a = s.accept()
    c.sendall(b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\r\n")
    c.settimeout(1.5)
    try:
        line = c.recv(4096)
    except OSError:
        line = b""
    if line:
        c.sendall(b"Invalid SSH identification string.\r\n")
    c.close()
PYEOF
sleep 1
set +e
curl http://127.0.0.1:22/ >"$OUT/sshd-curl.stdout.txt" 2>"$OUT/sshd-curl.stderr.txt"
echo $? >"$OUT/sshd-curl.exit"
curl -v http://127.0.0.1:22/ 2>"$OUT/sshd-curl-v.stderr.txt"
nc 127.0.0.1 22 </dev/null >"$OUT/sshd-nc.stdout.txt" 2>"$OUT/sshd-nc.stderr.txt"
echo $? >"$OUT/sshd-nc.exit"
wait
'
ls -l "$OUT"
