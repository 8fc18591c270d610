// Python helpers of scripts/record-terminal.ts, run inside its own namespaces only.

/**
 * Runs bash as an interactive shell with a terminal of its own as its controlling tty (stdin), so
 * it has job control and says nothing about lacking it; stdout and stderr stay the recorder's pipes.
 */
export const ON_A_TERMINAL = `
import fcntl, os, pty, sys, termios
m, s = pty.openpty()
pid = os.fork()
if pid == 0:
    os.setsid()
    fcntl.ioctl(s, termios.TIOCSCTTY, 0)
    os.dup2(s, 0)
    os.close(s)
    os.close(m)
    os.execvp('bash', ['bash', '--norc', '--noprofile', '+o', 'history', '-i', '-c', sys.argv[1]])
os.close(s)
sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
`;

/**
 * docker-proxy's sockets without dockerd: a process named docker-proxy (argv[0] for netstat, comm
 * for ss) listening as Go's net.Listen does (backlog somaxconn, IPV6_V6ONLY for [::]) on fd 4,
 * as docker-proxy 27 holds it.
 */
export const PROXY_STAND_IN = `
import ctypes, os, socket, sys, time
addr, port, proto = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ctypes.CDLL(None).prctl(15, b'docker-proxy', 0, 0, 0)
fam = socket.AF_INET6 if ':' in addr else socket.AF_INET
s = socket.socket(fam, socket.SOCK_DGRAM if proto == 'udp' else socket.SOCK_STREAM)
if fam == socket.AF_INET6: s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
s.bind((addr, port))
if proto != 'udp': s.listen(4096)
fd = s.detach()
if fd != 4: os.dup2(fd, 4); os.close(fd)
while True: time.sleep(3600)
`;
