// What travels on a TCP connection once it is open: curl's GET, the answer, the close; nc -z's close;
// docker-proxy relaying both through its own connection to the container.
import { pythonAnswer, pythonResponse, requestLog } from '../serve-python';
import type { FlowResult } from '../trace';
import type { HttpAnswer } from '../types';
import { failure, type Conversation } from './conversation';
import { clientSends, closeFrom, serverSends, type TcpSession } from './tcp';

/** curl's request; its Host names what curl connected to (`origin`, where docker-proxy relays it). */
function httpRequest(t: TcpSession, path: string, origin: TcpSession = t): string {
  const { ip, port } = origin.dst;
  return `GET ${path} HTTP/1.1\r\nHost: ${ip}${port === 80 ? '' : `:${port}`}\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n`;
}

/** The reason phrase a server sends with each status the lab's servers answer (RFC 9110). */
const REASON: { readonly [status: number]: string } = {
  200: 'OK',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
};

function httpResponse(status: number, body: string): string {
  return `HTTP/1.1 ${status} ${REASON[status] ?? 'Unknown'}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
}

type Answer = HttpAnswer | null;

/**
 * The GET and what the server's kernel does with it at once: early in a connection Linux is in
 * quickack mode, so it ACKs the request before the application has read it (seen on the wire by
 * the kernel conformance suite).
 */
function request(conv: Conversation, t: TcpSession, path: string, origin = t): boolean {
  return (
    clientSends(conv, t, 'HTTP GET', ['PSH', 'ACK'], httpRequest(t, path, origin)) &&
    serverSends(conv, t, 'ACK', ['ACK'])
  );
}

/** The lab's clock now, in seconds (t: µs into the flow). */
const clockNow = (conv: Conversation) => conv.s.base.clock + Math.floor(conv.s.t / 1_000_000);

/**
 * What the listener answers to GET `path`. Python's http.server answers by path (a 404 for a name
 * its directory does not hold) and logs the request, with the client's address as it sees it.
 */
function answerFor(conv: Conversation, t: TcpSession, path: string): Answer {
  const listener = t.sock.listener;
  const a = listener?.http ?? null;
  if (!listener || !a || a.python === undefined) return a;
  const r = pythonAnswer(a, path);
  conv.s.logged.push({
    listener,
    lines: requestLog(t.back.dst.ip, clockNow(conv), path, r.status),
  });
  return r;
}

/** The answer, in one segment, and the client kernel's ACK of it. */
function answer(conv: Conversation, t: TcpSession, a: Answer): boolean {
  if (!a) return true;
  // Python's http.server stamps its Date header with the time it answers.
  const clock = clockNow(conv);
  const body =
    a.python === undefined ? httpResponse(a.status, a.body) : pythonResponse(a, a.python, clock);
  return (
    serverSends(conv, t, `HTTP ${a.status}`, ['PSH', 'ACK'], body) &&
    clientSends(conv, t, 'ACK', ['ACK'])
  );
}

const connected = (a: Answer): FlowResult =>
  a ? { kind: 'connected', http: a } : { kind: 'connected' };

/**
 * curl straight to the server: GET, answer, then the close `Connection: close` promises. The
 * server closes first (a server that does not answer closes too: curl's "Empty reply from
 * server"); curl, having the whole body, closes in turn.
 */
export function exchange(conv: Conversation, t: TcpSession, path: string): FlowResult {
  if (!request(conv, t, path)) return failure(conv);
  const a = answerFor(conv, t, path);
  if (!answer(conv, t, a)) return failure(conv);
  closeFrom(conv, t, 'server');
  return connected(a);
}

/**
 * A server that speaks first (the host's sshd): its identification line as soon as it accepts,
 * which the client's kernel ACKs. nc prints it and, the lab's nc reading no stdin, closes. curl
 * sends its GET anyway; sshd takes that line as a bad identification, says so and closes; curl,
 * whose answer began with no HTTP status line, gives up (HTTP/0.9 is off by default) and closes.
 */
export function bannerFirst(
  conv: Conversation,
  t: TcpSession,
  banner: string,
  path: string | null,
): FlowResult {
  const said =
    serverSends(conv, t, 'SSH banner', ['PSH', 'ACK'], banner) &&
    (path !== null || clientSends(conv, t, 'ACK', ['ACK']));
  if (!said) return failure(conv);
  if (path === null) {
    closeFrom(conv, t, 'client');
    return { kind: 'connected', banner };
  }
  if (!clientSends(conv, t, 'HTTP GET', ['PSH', 'ACK'], httpRequest(t, path))) return failure(conv);
  const refused = 'Invalid SSH identification string.\r\n';
  if (!serverSends(conv, t, 'SSH error', ['PSH', 'ACK'], refused)) return failure(conv);
  closeFrom(conv, t, 'server');
  return { kind: 'connected', banner };
}

/**
 * curl through docker-proxy, which copies each direction to the other (`io.Copy`) and passes an
 * end of stream on as a half close (`CloseWrite`): the container's close reaches curl as
 * docker-proxy's FIN; curl's close reaches the container as docker-proxy's, which also carries
 * the ACK of the container's FIN.
 */
export function relay(conv: Conversation, t: TcpSession, b: TcpSession, path: string): FlowResult {
  // docker-proxy copies curl's bytes: the backend sees curl's Host header.
  if (!request(conv, t, path) || !request(conv, b, path, t)) return failure(conv);
  const a = answerFor(conv, b, path);
  if (!answer(conv, b, a) || !serverSends(conv, b, 'FIN', ['FIN', 'ACK'])) return failure(conv);
  if (!answer(conv, t, a)) return failure(conv);
  // docker-proxy to curl, curl's close and its last ACK; then docker-proxy closes the backend.
  if (closeFrom(conv, t, 'server') && clientSends(conv, b, 'FIN', ['FIN', 'ACK'])) {
    serverSends(conv, b, 'ACK', ['ACK']);
  }
  return connected(a);
}

/**
 * docker-proxy accepted but could not reach the container: it closes the client connection. A
 * GET curl sends into it then meets a closed socket, whose kernel answers RST; curl reports an
 * empty reply. (The kernel suite saw this with a port published to nothing, but not every time:
 * now and then the client's kernel ACKs the proxy's FIN on its own before the tool acts, so the
 * case is not in the suite.)
 */
export function proxyGivesUp(conv: Conversation, t: TcpSession, path: string | null): FlowResult {
  if (path === null) {
    closeFrom(conv, t, 'server');
    return { kind: 'connected' };
  }
  if (serverSends(conv, t, 'FIN', ['FIN', 'ACK'])) {
    const get = clientSends(conv, t, 'HTTP GET', ['PSH', 'ACK'], httpRequest(t, path));
    // The reset of a segment that carried an ACK takes its sequence number from that ACK.
    if (get) serverSends(conv, t, 'RST', ['RST']);
  }
  return { kind: 'connected' };
}

/**
 * nc -z through docker-proxy: nc closes at once; docker-proxy half-closes the backend, the
 * container (which never got a request) closes in turn, docker-proxy's kernel sends the last
 * ACK there, and docker-proxy passes the end of stream back to nc.
 */
export function relayClose(conv: Conversation, t: TcpSession, b: TcpSession): FlowResult {
  const steps = [
    () => clientSends(conv, t, 'FIN', ['FIN', 'ACK']),
    () => clientSends(conv, b, 'FIN', ['FIN', 'ACK']),
    () => serverSends(conv, b, 'FIN', ['FIN', 'ACK']),
    () => clientSends(conv, b, 'ACK', ['ACK']),
    () => serverSends(conv, t, 'FIN', ['FIN', 'ACK']),
    () => clientSends(conv, t, 'ACK', ['ACK']),
  ];
  steps.every((step) => step());
  return { kind: 'connected' };
}
