# A stand-in recursive resolver: what the lab's resolvers answer (src/sim/dns/message.ts), as DNS
# messages. argv[1] = address to bind, argv[2] = port, argv[3] = JSON {name: IPv4} of A records,
# argv[4] = TTL (listen.py imports `answer` for its "dns" service). A known name's A query gets its record; its AAAA (or any other type) a NOERROR
# answer with no records; an unknown name NXDOMAIN. Flags as a recursive resolver sets them:
# QR, the query's RD, RA. No EDNS, no authority section (a public resolver adds an SOA there for
# NXDOMAIN and NODATA: the lab does not model it). Prints "ready" once bound.
import json
import socket
import struct
import sys


def question(msg):
    """The first question's labels, end offset, type."""
    i = 12
    labels = []
    while msg[i] != 0:
        n = msg[i]
        labels.append(msg[i + 1 : i + 1 + n].decode())
        i += 1 + n
    i += 1
    qtype, _qclass = struct.unpack("!HH", msg[i : i + 4])
    return ".".join(labels), i + 4, qtype


def answer(msg, records, ttl):
    qid, flags = struct.unpack("!HH", msg[:4])
    name, end, qtype = question(msg)
    addr = records.get(name.lower().rstrip("."))
    rd = flags & 0x0100
    rcode = 0 if addr else 3
    an = addr is not None and qtype == 1
    head = struct.pack("!HHHHHH", qid, 0x8080 | rd | rcode, 1, 1 if an else 0, 0, 0)
    body = msg[12:end]
    if an:
        body += struct.pack("!HHHIH", 0xC00C, 1, 1, ttl, 4) + socket.inet_aton(addr)
    return head + body


def main():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((sys.argv[1], int(sys.argv[2])))
    records = json.loads(sys.argv[3])
    ttl = int(sys.argv[4])
    print("ready", flush=True)
    while True:
        data, peer = s.recvfrom(65535)
        if len(data) >= 17:
            s.sendto(answer(data, records, ttl), peer)


if __name__ == "__main__":
    main()
