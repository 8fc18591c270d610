// Security: a strict CSP in the built page, no request off the origin, and hostile text (OWASP XSS
// vectors) typed in the terminal, the run form and a shared link stays text: no dialog, no element.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCENARIOS, buildScenario } from '../src/scenarios';
import { decodeFragment, encodeFragment } from '../src/share';
import { createAppStore } from '../src/store';
import { XSS_VECTORS, expect, test } from './fixtures/security';

/** The build under test: `dist/` of the repo (a private copy may point elsewhere for its own runs). */
const DIST = resolve(process.env['SECURITY_DIST'] ?? 'dist');

/** What the real terminal prints for a line, computed headless from the same store. */
function expected(lines: readonly string[]): { stdout: string[]; stderr: string[] } {
  const store = createAppStore();
  store.getState().runCommand('lab reset');
  const last = lines.map((l) => store.getState().runCommand(l)).pop();
  const of = (s: 'stdout' | 'stderr') =>
    (last?.chunks ?? [])
      .filter((c) => c.stream === s)
      .flatMap((c) => c.text.replace(/\n$/, '').split('\n'));
  return { stdout: of('stdout'), stderr: of('stderr') };
}

/** A shell word holding `v` literally: single-quoted, with bash's '\'' for a quote inside. */
const quoted = (v: string) => `'${v.replaceAll("'", `'\\''`)}'`;

test.describe('the built page', () => {
  test('carries a strict Content-Security-Policy and no inline script but early.js, pinned', () => {
    const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
    const meta =
      /<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0] ?? '';
    const m = /content=(?:"([^"]*)"|'([^']*)')/i.exec(meta);
    const csp = m?.[1] ?? m?.[2] ?? '';
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `)) ?? '';
    expect(csp, 'a CSP meta tag').not.toBe('');
    // Scripts from files, and the one inline script (public/early.js, inlined so the parser waits for
    // no request before the first paint) allowed by its hash alone (scripts/vite-csp.ts).
    expect(directive('script-src')).toMatch(/^script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('base-uri')).toMatch(/^base-uri ('self'|'none')$/);
    // No inline style but the stylesheet the build inlined, pinned by its hash (scripts/vite-csp.ts).
    expect(directive('style-src')).toMatch(/^style-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
    expect(csp).not.toMatch(
      /unsafe-eval|'unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe-inline|\*/,
    );
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    const inline = scripts.filter(([, attrs = '']) => !/\bsrc=/.test(attrs));
    const early = readFileSync(resolve(DIST, 'early.js'), 'utf8').trim();
    expect(inline.map(([, , body]) => body)).toEqual([early]);
    const sha = createHash('sha256').update(early, 'utf8').digest('base64');
    expect(directive('script-src')).toContain(`'sha256-${sha}'`);
    for (const [, attrs = '', body = ''] of scripts.filter((s) => !inline.includes(s))) {
      expect(attrs, 'every other script is loaded from a file').toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html, 'no inline event handler attribute').not.toMatch(/\son[a-z]+\s*=/i);
  });

  test('reports no CSP violation and sends nothing off 127.0.0.1 while a lab is used', async ({
    lab,
    terminal,
    security,
    page,
  }) => {
    await lab.open();
    await lab.runContainer({ name: 'web1', image: 'nginx', ports: '8081:80' });
    await expect(lab.card('web1')).toBeVisible();
    await terminal.run('docker run -d --name c9 -p 8090:80 nginx');
    await terminal.run('curl -s http://192.0.2.10:8090/');
    await terminal.run('docker exec -it c9 sh');
    // nginx's image has curl, not wget (github:nginxinc/docker-nginx mainline/debian/Dockerfile).
    await terminal.run('curl -s http://172.17.0.1:8090/');
    await terminal.run('exit');
    await lab.sendPreset('outside-to-published-port');
    await lab.stepForward();
    await lab.stepForward();
    await lab.stepBack();
    await lab.stepToEnd();
    await page.reload();
    await lab.ready();
    security.expectClean();
  });
});

test.describe('hostile text stays text', () => {
  test('XSS vectors as container and network names are refused with Docker’s error, shown literally', async ({
    lab,
    terminal,
    security,
  }) => {
    await lab.open();
    await terminal.resetLab();
    const before = await security.dangerous();
    for (const v of XSS_VECTORS) {
      for (const line of [
        `docker run -d --name ${quoted(v)} nginx`,
        `docker network create ${quoted(v)}`,
      ]) {
        await terminal.run(line);
        const want = expected([line]);
        expect(want.stderr.join('\n'), line).toMatch(/Invalid container name|invalid|not a valid/i);
        const got = await terminal.texts('stderr');
        expect(got.slice(-want.stderr.length), line).toEqual(want.stderr);
      }
    }
    await expect(lab.page.locator('[data-testid^="card-"]')).toHaveCount(0);
    expect(await security.dangerous()).toEqual(before);
    security.expectClean();
  });

  test('XSS vectors as commands and arguments print literally in the terminal and the diagram', async ({
    lab,
    terminal,
    security,
  }) => {
    await lab.open();
    await terminal.resetLab();
    const before = await security.dangerous();
    for (const v of XSS_VECTORS) {
      for (const line of [`echo ${quoted(v)}`, quoted(v)]) {
        await terminal.run(line);
        const want = expected([line]);
        const got = await terminal.texts(want.stdout.length ? 'stdout' : 'stderr');
        const rows = want.stdout.length ? want.stdout : want.stderr;
        expect(got.slice(-rows.length), line).toEqual(rows);
      }
    }
    // A container whose command carries a vector: docker ps and the card show the command as text.
    const cmd = XSS_VECTORS[1] ?? '';
    await terminal.run(`docker run -d --name xss1 busybox sh -c ${quoted(cmd)}`);
    await expect(lab.card('xss1')).toBeVisible();
    await terminal.run('docker ps --no-trunc');
    await terminal.run(`curl -s ${quoted('http://172.17.0.2/<svg/onload=alert(1)>')}`);
    expect(await security.dangerous()).toEqual(before);
    security.expectClean();
  });

  test('XSS vectors in the run form are refused next to the name field, as text', async ({
    lab,
    security,
    page,
  }) => {
    await lab.open();
    const before = await security.dangerous();
    const form = await lab.runContainer({ name: 'ok-first', image: 'nginx' });
    await expect(lab.card('ok-first')).toBeVisible();
    if (!(await form.isVisible())) await page.getByTestId('open-run').click();
    for (const v of XSS_VECTORS) {
      await form.getByLabel('Name').fill(v);
      await form.getByRole('button', { name: 'Run' }).click();
      await expect(form.getByTestId('error-name')).toContainText(`Invalid container name (${v})`);
    }
    expect(await security.dangerous()).toEqual(before);
    security.expectClean();
  });

  test('a shared link whose names carry vectors is refused with its reason; loading it runs nothing', async ({
    lab,
    security,
    terminal,
    page,
  }) => {
    const sc = SCENARIOS.find((s) => s.id === 'outside-to-published-port') ?? SCENARIOS[0];
    if (!sc) throw new Error('no scenario');
    const world = buildScenario(sc, 'docker-27');
    const vector = XSS_VECTORS[0] ?? '';
    const named = { ...world, containers: world.containers.map((c) => ({ ...c, name: vector })) };
    const refused = await decodeFragment(await encodeFragment({ world: named }));
    expect(refused).toEqual({
      ok: false,
      error: expect.stringMatching(/^world\.containers\[0\]\.name: invalid value/),
    });
    const remote = { ...world, remotes: world.remotes.map((r) => ({ ...r, name: vector })) };
    const refusedRemote = await decodeFragment(await encodeFragment({ world: remote }));
    expect(refusedRemote.ok).toBe(false);
    // Free text the format does allow (a container's command) travels; the page must keep it inert.
    const commanded = {
      ...world,
      containers: world.containers.map((c) => ({ ...c, command: [...XSS_VECTORS] })),
    };
    const link = await encodeFragment({ world: commanded });
    expect((await decodeFragment(link)).ok).toBe(true);
    await lab.open();
    const before = await security.dangerous();
    for (const hash of [link, await encodeFragment({ world: named })]) {
      // A fresh document (a goto that only changes the fragment would not reload the page).
      await page.goto('about:blank');
      await page.goto(`/${hash}`);
      await lab.ready();
      // The session drops the fragment once it has read the link (opened or refused it).
      await page.waitForFunction(() => window.location.hash === '');
      expect(await security.dangerous()).toEqual(before);
    }
    // The refused link left the default lab open: open the commanded one again and print its
    // commands, so they pass through the terminal too.
    await page.goto('about:blank');
    await page.goto(`/${link}`);
    await lab.ready();
    await page.waitForFunction(() => window.location.hash === '');
    await terminal.run('docker ps -a --no-trunc');
    await expect(
      terminal
        .rows('stdout')
        .filter({ hasText: XSS_VECTORS[0] ?? '' })
        .first(),
    ).toBeVisible();
    expect(await security.dangerous()).toEqual(before);
    security.expectClean();
  });

  test('a command named like an Object.prototype member is "command not found", not a crash', async ({
    lab,
    terminal,
    security,
  }) => {
    await lab.open();
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      await terminal.run(name);
      // Error rows carry a screen-reader-only "error:" before the text.
      await expect
        .soft(terminal.lastRow())
        .toHaveText(new RegExp(`^(error: )?bash: ${name}: command not found$`));
    }
    await terminal.run('docker __proto__');
    // As for any unknown subcommand: Docker's "'nosuch' is not a docker command" and its hint.
    await expect.soft(terminal.rows('stderr').last()).toHaveText(/^(error: )?See 'docker --help'$/);
    await terminal.run('echo still here');
    await expect(terminal.lastRow()).toHaveText('still here');
    security.expectClean();
  });
});
