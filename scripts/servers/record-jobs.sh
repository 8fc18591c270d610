#!/bin/sh
# Records an interactive bash 5.2 running netcat-openbsd listeners as background jobs (`&`, `jobs`,
# `kill %N`, bash's notifications) into src/sim/__fixtures__/servers/host-jobs.txt. Root, Debian 12;
# in a throwaway network namespace (unshare -n). The typed lines are jobs-session.txt; bracketed
# paste codes and CRs are stripped, pids replaced by PID.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$HERE/../../src/sim/__fixtures__/servers/host-jobs.txt
T=$(mktemp)
trap 'rm -f "$T"' EXIT
timeout 20 unshare -n script -qc "bash --norc -i" "$T" <"$HERE/jobs-session.txt" >/dev/null 2>&1 || true
sed -e 's/\x1b\[?2004[hl]//g' -e 's/\r//g' "$T" | sed -n '/^bash-5.2# /,$p' \
  | sed -E 's/^\[([0-9]+)\] [0-9]+$/[\1] PID/' >"$OUT"
