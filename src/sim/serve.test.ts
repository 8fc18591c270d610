// busybox httpd's -p as its openServer() reads it, and -f: without it httpd forks into the
// background and the container's PID 1 is gone.
import { describe, expect, it } from 'vitest';
import { findImage } from './images';
import { httpdOf, ncListenOf } from './serve';
import { createWorld, runContainer } from '.';

const busybox = findImage('busybox');

describe('busybox httpd', () => {
  it('binds -p PORT on every address, -p IP on port 80, -p IP:PORT there', () => {
    if (!busybox) throw new Error('no busybox');
    const bind = (...a: string[]) => httpdOf(busybox, ['httpd', '-f', ...a])?.listener;
    expect(bind()).toMatchObject({ port: 80 });
    expect(bind()).not.toHaveProperty('ip');
    expect(bind('-p', '8080')).toMatchObject({ port: 8080 });
    expect(bind('-p', '127.0.0.1')).toMatchObject({ ip: '127.0.0.1', port: 80 });
    expect(bind('-p', '127.0.0.1:8080')).toMatchObject({ ip: '127.0.0.1', port: 8080 });
    expect(bind('-p', '0.0.0.0:80')).not.toHaveProperty('ip');
    expect(httpdOf(busybox, ['busybox', 'httpd', '-f', '-p', '81'])?.listener.port).toBe(81);
    expect(httpdOf(busybox, ['sh'])).toBeNull();
  });

  it('stays up with -f, and exits at once without it', () => {
    const run = (command: string[]) =>
      runContainer(createWorld(), { image: 'busybox', name: 'web', detach: true, command });
    const up = run(['httpd', '-f', '-p', '127.0.0.1:80']);
    if (!up.ok) throw new Error(up.error.message);
    expect(up.value.state).toBe('running');
    expect(up.value.listeners).toEqual([expect.objectContaining({ ip: '127.0.0.1', port: 80 })]);
    const gone = run(['httpd', '-p', '80']);
    if (!gone.ok) throw new Error(gone.error.message);
    expect(gone.value.state).toBe('exited');
  });
});

// busybox nc (nc_bloaty, the docker busybox image's build): getopt letters, -p PORT or -pPORT.
describe('busybox nc -l', () => {
  it('listens on -p PORT over TCP (for one connection without -k), with -u over UDP; says nothing of its own', () => {
    if (!busybox) throw new Error('no busybox');
    const l = (...argv: string[]) => ncListenOf(busybox, argv)?.listener;
    expect(l('nc', '-l', '-p', '80')).toEqual({ proto: 'tcp', port: 80, silent: true, once: true });
    expect(l('nc', '-lu', '-p', '53')).toEqual({ proto: 'udp', port: 53, silent: true });
    // busybox 1.36.1 nc_bloaty: -k keeps listening only with -e PROG (it forks per connection).
    expect(l('nc', '-lkp', '8080')).toEqual({ proto: 'tcp', port: 8080, silent: true, once: true });
    expect(l('nc', '-lk', '-p', '80', '-e', 'cat')).toEqual({
      proto: 'tcp',
      port: 80,
      silent: true,
    });
    expect(l('busybox', 'nc', '-l', '-u', '-p53')).toMatchObject({ proto: 'udp', port: 53 });
    expect(l('nc', '-l', '-s', '127.0.0.1', '-p', '80')).toMatchObject({ ip: '127.0.0.1' });
    expect(ncListenOf(busybox, ['nc', '-l', '-p', '80'])?.foreground).toBe(true);
  });

  it('is no server as a client, or without a port anyone can name', () => {
    if (!busybox) throw new Error('no busybox');
    expect(ncListenOf(busybox, ['nc', '198.51.100.7', '80'])).toBeNull();
    expect(ncListenOf(busybox, ['nc', '-l'])).toBeNull();
    expect(ncListenOf(busybox, ['nc', '-l', '-p', '70000'])).toBeNull();
  });

  it('keeps the container running, with the socket it binds', () => {
    const r = runContainer(createWorld(), {
      image: 'busybox',
      name: 'udp',
      detach: true,
      command: ['nc', '-lu', '-p', '53'],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.state).toBe('running');
    expect(r.value.listeners).toEqual([{ proto: 'udp', port: 53, silent: true }]);
  });
});
