// Images that are themselves, in the browser: nginx's bash prompt and its missing tools, and the
// runtime's error for `docker exec web ping` (moby exec router: stdout, CR LF, exit 127).
import { expect, test } from './fixtures/terminal';

test('nginx has bash and no ping: Debian’s prompt, bash’s and the runtime’s errors', async ({
  lab,
  terminal,
  page,
}) => {
  await lab.open();
  await terminal.resetLab();
  await terminal.run('docker run -d --name web -p 8080:80 nginx');
  await terminal.run('docker exec web ping -c1 172.17.0.1');
  await expect(terminal.lastRow()).toHaveText(
    'OCI runtime exec failed: exec failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown',
  );
  await terminal.run('echo $?');
  await expect(terminal.lastRow()).toHaveText('127');

  await terminal.run('docker exec -it web bash');
  await expect(terminal.prompt).toHaveText(/^root@[0-9a-f]{12}:\/# $/);
  await terminal.run('ping -c1 172.17.0.1');
  await expect(terminal.lastRow()).toHaveText(/bash: ping: command not found$/);
  await page.screenshot({ path: 'test-results/tdock-nginx-bash.png' });
  await terminal.run('exit');

  await terminal.run('docker run --rm busybox ip route');
  await expect(terminal.lastRow()).toHaveText(
    /^172\.17\.0\.0\/16 dev eth0 scope link +src 172\.17\.0\.3/,
  );
  await terminal.run("docker ps -a --format 'table {{.Names}}\\t{{.Image}}'");
  await expect(terminal.lastRow()).toHaveText(/^web +nginx$/);
  await page.screenshot({ path: 'test-results/tdock-run-rm.png' });

  // A flow from a container that --rm has removed by the time it is shown: the lab keeps going.
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await terminal.run('docker run --rm busybox ping -c 1 172.17.0.1');
  await expect(
    terminal.rows('stdout').filter({ hasText: '1 packets transmitted, 1 packets received' }),
  ).toHaveCount(1);
  await expect(lab.hopCount).toHaveText(/^hop 1 \/ \d+$/);
  await lab.stepForward();
  await page.screenshot({ path: 'test-results/tdock-run-rm-ping.png' });
  expect(errors).toEqual([]);
});
