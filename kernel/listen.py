# The suite's stand-in services, run inside one namespace: HTTP, plain TCP, UDP, docker-proxy.
# argv[1] = JSON list of services. Prints "ready" once every socket is bound and listening.
import http.client
import json
import socket
import sys
import threading
import time

import dns


def http_service(sock, status, body):
    reason = http.client.responses.get(status, "Unknown")
    data = body.encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\n"
        f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n"
    ).encode()
    while True:
        conn, _ = sock.accept()
        req = b""
        while b"\r\n\r\n" not in req:
            chunk = conn.recv(4096)
            if not chunk:
                break
            req += chunk
        # A connection closed before any request (nc -z) is closed in turn without an answer,
        # as nginx does ("client closed connection while waiting for request").
        if req:
            # One send: status line, headers and body leave in a single segment; then the close
            # that `Connection: close` promises.
            conn.sendall(head + data)
        conn.close()


def tcp_service(sock):
    while True:
        conn, _ = sock.accept()
        threading.Thread(target=drain_and_close, args=(conn,), daemon=True).start()


def drain_and_close(conn):
    try:
        while conn.recv(4096):
            pass
    finally:
        conn.close()


def udp_service(sock, echo):
    while True:
        data, peer = sock.recvfrom(65535)
        if echo:
            # What the engine's service answers (walk/flows.ts udpFlow), so the text matches.
            sock.sendto(b"answer", peer)


def dns_service(sock, records, ttl):
    # The lab's resolvers (kernel/dns.py): a DNS message gets its answer; anything else (nc's
    # `query`) what the engine's listener answers any datagram, as udp_service does. Each answer
    # waits 200 ms, a slow public resolver's round trip: busybox nslookup writes its A and AAAA
    # queries back to back (kernel/fixtures/dns), and this real-time listener on the tool's CPU
    # (cpu.ts) would otherwise answer the first before the tool had written the second. 20 ms was
    # not enough on a loaded machine (internet:dns-container once saw the A answer before the AAAA
    # query); busybox resends only after seconds, so 200 ms changes nothing else.
    while True:
        data, peer = sock.recvfrom(65535)
        time.sleep(0.2)
        sock.sendto(dns.answer(data, records, ttl) if len(data) >= 17 else b"answer", peer)


def pipe(a, b):
    try:
        while True:
            data = a.recv(65536)
            if not data:
                break
            b.sendall(data)
    except OSError:
        pass
    finally:
        try:
            b.shutdown(socket.SHUT_WR)
        except OSError:
            pass


def tcp_proxy(sock, to):
    while True:
        conn, _ = sock.accept()
        try:
            up = socket.create_connection(to, timeout=2)
        except OSError:
            conn.close()
            continue
        up.settimeout(None)
        threading.Thread(target=pipe, args=(conn, up), daemon=True).start()
        threading.Thread(target=pipe, args=(up, conn), daemon=True).start()


def udp_proxy(sock, to):
    ups = {}
    while True:
        data, peer = sock.recvfrom(65535)
        up = ups.get(peer)
        if up is None:
            up = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            up.connect(to)
            ups[peer] = up
            threading.Thread(target=udp_back, args=(up, sock, peer), daemon=True).start()
        up.send(data)


def udp_back(up, sock, peer):
    while True:
        try:
            sock.sendto(up.recv(65535), peer)
        except OSError:
            return


def bind(kind, addr, port):
    stype = socket.SOCK_DGRAM if kind == "udp" else socket.SOCK_STREAM
    s = socket.socket(socket.AF_INET, stype)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, port))
    if stype == socket.SOCK_STREAM:
        s.listen(64)
    return s


def main():
    threads = []
    for svc in json.loads(sys.argv[1]):
        addr = svc.get("bind", "0.0.0.0")
        kind = svc["kind"]
        if kind == "http":
            s = bind("tcp", addr, svc["port"])
            threads.append((http_service, (s, svc["status"], svc["body"])))
        elif kind == "tcp":
            threads.append((tcp_service, (bind("tcp", addr, svc["port"]),)))
        elif kind == "udp":
            threads.append((udp_service, (bind("udp", addr, svc["port"]), svc["echo"])))
        elif kind == "dns":
            s = bind("udp", addr, svc["port"])
            threads.append((dns_service, (s, svc["records"], svc["ttl"])))
        elif kind == "proxy":
            s = bind(svc["proto"], addr, svc["port"])
            target = udp_proxy if svc["proto"] == "udp" else tcp_proxy
            threads.append((target, (s, (svc["toIp"], svc["toPort"]))))
    for fn, args in threads:
        threading.Thread(target=fn, args=args, daemon=True).start()
    print("ready", flush=True)
    threading.Event().wait()


main()
