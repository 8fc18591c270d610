// Never lose a lab (issue 17): links open beside the user's lab, Recent labs keeps every displaced
// lab, a framed page writes nothing, tabs hear each other, an unreadable saved lab is kept and can
// be downloaded, and a later success clears an earlier refusal. No uncaught error, no CSP violation.
import type { Download, Page } from '@playwright/test';
import { encodeFile, encodeFragment } from '../src/share';
import { createAppStore } from '../src/store';
import { labOf } from '../src/store/persist';
import { LabPage } from './fixtures';
import { SharePage, STORAGE_KEY } from './fixtures/share';
import { expect, test } from './fixtures/security';
import type { TerminalPage } from './fixtures/terminal';

const HISTORY_KEY = 'docker-network-lab:history';

/** A lab of these containers, made headless by the same store (for links and files). */
function labWith(names: readonly string[]) {
  const store = createAppStore();
  for (const name of names)
    expect(store.getState().runContainer({ image: 'nginx', name }).ok).toBe(true);
  return labOf(store);
}
const linkTo = async (names: readonly string[]) => `/${await encodeFragment(labWith(names))}`;

const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);

/** Recent labs as stored: each entry's origin and text, newest first. */
function kept(page: Page): Promise<{ origin: string; text: string }[]> {
  return page.evaluate((key) => {
    const index = JSON.parse(localStorage.getItem(key) ?? '{"entries":[]}') as {
      entries: { id: string; origin: string }[];
    };
    return index.entries.map((e) => ({
      origin: e.origin,
      text: localStorage.getItem(`${key}:${e.id}`) ?? '',
    }));
  }, HISTORY_KEY);
}

const holds = (name: string) => (text: string) => text.includes(`"name": "${name}"`);

/** The user's own lab: one container of theirs, autosaved. */
async function myLab(lab: LabPage, terminal: TerminalPage, share: SharePage): Promise<string> {
  await lab.open();
  await terminal.run('docker run -d --name mine nginx');
  await expect(lab.card('mine')).toBeVisible();
  await share.waitForAutosave(holds('mine'));
  return settled(lab.page);
}

/** The saved lab once no save is pending: unchanged across 1.5 s (saves wait 0.5 s, then idle). */
async function settled(page: Page): Promise<string> {
  let last = await stored(page);
  for (let tries = 0; tries < 10; tries++) {
    await page.waitForTimeout(1500);
    const now = await stored(page);
    if (now === last) return now ?? '';
    last = now;
  }
  throw new Error('the autosave never settled');
}

async function textOf(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

test.describe('never lose a lab', () => {
  test('a ?lab= link opens beside the user’s lab; work there survives a reload; the user’s lab is one click away', async ({
    lab,
    terminal,
    security,
    page,
  }) => {
    const share = new SharePage(page);
    const mine = await myLab(lab, terminal, share);
    await lab.open('?lab=container-to-container');
    await expect(share.banner).toContainText('This lab opened from a link, beside yours');
    await expect(lab.card('mine')).toHaveCount(0);
    // One change makes the link's lab the user's: the query leaves the address, the work is saved.
    await terminal.run('docker run -d --name work nginx');
    await share.waitForAutosave(holds('work'));
    expect(new URL(page.url()).search).toBe('');
    expect((await kept(page)).map((k) => k.text)).toContain(mine);

    await page.reload();
    await lab.ready();
    await expect(lab.card('work')).toBeVisible();
    await expect(lab.card('c1')).toBeVisible();

    // Share → Recent labs: the user's own lab opens again, and the link's work stays kept.
    await share.openMenu();
    const rows = page.getByTestId('recent-lab');
    const list = await kept(page);
    const at = list.findIndex((k) => k.text === mine);
    await expect(rows).toHaveCount(list.length);
    const count = (JSON.parse(mine) as { world: { containers: unknown[] } }).world.containers
      .length;
    await expect(rows.nth(at)).toContainText(`${count} containers`);
    await expect(rows.nth(at)).toContainText('saved as you worked');
    await rows.nth(at).getByTestId('recent-open').click();
    await expect(lab.card('mine')).toBeVisible();
    await expect(lab.card('work')).toHaveCount(0);
    await expect(share.status).toContainText('Opened the lab kept at');
    expect((await kept(page)).some((k) => holds('work')(k.text))).toBe(true);
    security.expectClean();
  });

  test('a command typed before the saved lab is read is not lost: the saved lab stays one click away', async ({
    lab,
    terminal,
    security,
    page,
  }) => {
    const share = new SharePage(page);
    const mine = await myLab(lab, terminal, share);
    // The session's code (which reads the saved lab) arrives late, as on a slow machine.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/session-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await lab.ready();
    await terminal.run('docker run -d --name quick nginx');
    await expect(lab.card('quick')).toBeVisible();
    release();
    await expect(share.banner).toContainText(
      'Your saved lab was not opened over what you have just done',
    );
    await expect(lab.card('quick')).toBeVisible();
    await expect(lab.card('mine')).toHaveCount(0);
    await share.waitForAutosave(holds('quick'));
    expect((await kept(page)).map((k) => k.text)).toContain(mine);
    security.expectClean();
  });

  test('two #lab= links in a row: both earlier labs are kept, the banner reopens the last', async ({
    lab,
    terminal,
    security,
    page,
  }) => {
    const share = new SharePage(page);
    const mine = await myLab(lab, terminal, share);
    await page.goto('about:blank');
    await page.goto(await linkTo(['alpha']));
    await expect(lab.card('alpha')).toBeVisible();
    await expect(share.banner).toContainText('This lab opened from a link, beside yours');
    await share.waitForAutosave(holds('alpha'));
    const alpha = await settled(page);

    await page.goto('about:blank');
    await page.goto(await linkTo(['beta']));
    await expect(lab.card('beta')).toBeVisible();
    const texts = (await kept(page)).map((k) => k.text);
    expect(texts).toContain(mine);
    expect(texts).toContain(alpha);
    // "Open my lab" opens the lab the second link displaced.
    await page.getByTestId('open-backup').click();
    await expect(lab.card('alpha')).toBeVisible();
    await expect(share.banner).toHaveCount(0);
    security.expectClean();
  });

  test('a hidden frame, of this site or of another, cannot overwrite the user’s lab', async ({
    lab,
    terminal,
    security,
    page,
    baseURL,
  }) => {
    const share = new SharePage(page);
    await myLab(lab, terminal, share);
    const before = { lab: await stored(page), history: await kept(page) };
    const frameHidden = (src: string, top: number) =>
      page.evaluate(
        ([url, y]) => {
          const f = document.createElement('iframe');
          f.src = url!;
          f.width = '1200';
          f.height = '800';
          f.style.opacity = '0';
          f.style.position = 'absolute';
          f.style.top = `${y}px`;
          document.body.append(f);
        },
        [src, String(top)] as const,
      );

    await frameHidden('/?lab=container-to-container&flow=0', 0);
    await frameHidden(await linkTo(['intruder']), 820);
    await expect.poll(() => page.frames().length).toBe(3);
    for (const framed of page.frames().slice(1)) {
      await expect(framed.locator('html[data-ready]')).toHaveCount(1);
      await expect(framed.getByTestId('share-banner')).toContainText(
        'This lab is shown inside another page: nothing you do here is saved.',
      );
      await framed.getByTestId('open-run').click();
      await framed.getByTestId('run-form').getByLabel('Name').fill('sneaky');
      await framed.getByTestId('run-form').getByRole('button', { name: 'Run' }).click();
      await expect(framed.getByTestId('card-sneaky')).toBeVisible();
    }
    // Past the autosave's delay (500 ms, then an idle moment within 1 s), and a page hide.
    await page.waitForTimeout(2500);
    await page.evaluate(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));
    expect(await stored(page)).toBe(before.lab);
    expect(await kept(page)).toEqual(before.history);

    // Another site's page framing the lab: a plain page of localhost (another origin than
    // 127.0.0.1; the security probe would refuse it, so this one request is let through).
    const attacker = `${baseURL!.replace('127.0.0.1', 'localhost')}/fonts/OFL.txt`;
    await page.route(attacker, (route) => route.continue());
    await page.goto(attacker);
    await page.evaluate((url) => {
      const f = document.createElement('iframe');
      f.width = '1200';
      f.height = '800';
      // In view: Chromium does not run an off-screen cross-origin frame's animation frames.
      f.style.position = 'fixed';
      f.style.top = '0';
      f.src = url;
      document.body.append(f);
    }, `${baseURL}/?lab=container-to-container`);
    await expect.poll(() => page.frames().length).toBe(2);
    const cross = page.frames()[1]!;
    await expect(cross.locator('html[data-ready]')).toHaveCount(1);
    await expect(cross.getByTestId('share-banner')).toContainText('shown inside another page');
    await cross.getByTestId('open-run').click();
    await cross.getByTestId('run-form').getByLabel('Name').fill('clickjacked');
    await cross.getByTestId('run-form').getByRole('button', { name: 'Run' }).click();
    await expect(cross.getByTestId('card-clickjacked')).toBeVisible();
    await page.waitForTimeout(2500);
    await page.goto('/');
    await lab.ready();
    await expect(lab.card('mine')).toBeVisible();
    expect(await stored(page)).toBe(before.lab);
    security.expectClean();
  });

  test('two tabs: the other tab learns of a change, says it is out of date, and follows on request', async ({
    lab,
    terminal,
    security,
    page,
    context,
  }) => {
    const share = new SharePage(page);
    await myLab(lab, terminal, share);
    const other = await context.newPage();
    const otherErrors: string[] = [];
    other.on('pageerror', (e) => otherErrors.push(e.message));
    const second = new LabPage(other);
    await second.open();
    await expect(second.card('mine')).toBeVisible();

    await terminal.run('docker run -d --name fromone nginx');
    await share.waitForAutosave(holds('fromone'));
    const otherShare = new SharePage(other);
    await expect(otherShare.banner).toContainText(
      'Your lab was changed in another tab: this one is out of date.',
    );
    await expect(second.card('fromone')).toHaveCount(0);
    await other.getByTestId('open-newer').click();
    await expect(second.card('fromone')).toBeVisible();
    await expect(otherShare.banner).toHaveCount(0);

    // And back: the second tab's change reaches the first.
    await other.getByTestId('open-run').click();
    await other.getByTestId('run-form').getByLabel('Name').fill('fromtwo');
    await other.getByTestId('run-form').getByRole('button', { name: 'Run' }).click();
    await expect(second.card('fromtwo')).toBeVisible();
    await expect(share.banner).toContainText('changed in another tab');
    expect(otherErrors).toEqual([]);
    security.expectClean();
  });

  test('a saved lab that cannot be read is kept, downloadable, and a newer version’s is never overwritten', async ({
    lab,
    terminal,
    security,
    page,
  }) => {
    const share = new SharePage(page);
    await lab.open();
    const broken = '{"format":"docker-network-lab","version":1,"world":{"version":1,"contai';
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [STORAGE_KEY, broken]);
    await page.reload();
    await lab.ready();
    await expect(share.banner).toContainText(
      'Your last lab could not be restored: not valid JSON. It is kept as it was',
    );
    const [fromBanner] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-kept').click(),
    ]);
    expect(await textOf(fromBanner)).toBe(broken);
    // The next change saves the new lab; the broken one stays in Recent labs, still downloadable.
    await terminal.run('docker run -d --name after nginx');
    await share.waitForAutosave(holds('after'));
    await share.openMenu();
    const row = page.locator('[data-testid="recent-lab"][data-origin="unreadable"]');
    await expect(row).toContainText('cannot be opened');
    await expect(row).toContainText('could not be opened: not valid JSON');
    const [fromMenu] = await Promise.all([
      page.waitForEvent('download'),
      row.getByTestId('recent-download').click(),
    ]);
    expect(await textOf(fromMenu)).toBe(broken);

    const newer = '{"format":"docker-network-lab","version":2,"world":{"made":"tomorrow"}}';
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [STORAGE_KEY, newer]);
    await page.reload();
    await lab.ready();
    await expect(share.banner).toContainText(
      'Your last lab was saved by a newer version of this app (version: unsupported version 2',
    );
    await terminal.run('docker run -d --name older nginx');
    await expect
      .poll(async () => (await kept(page)).some((k) => holds('older')(k.text)))
      .toBe(true);
    expect(await stored(page)).toBe(newer);
    await page.reload();
    await lab.ready();
    expect(await stored(page)).toBe(newer);
    security.expectClean();
  });

  test('a later success clears an earlier refusal; a link to a flow that cannot exist says so', async ({
    lab,
    security,
    page,
  }) => {
    const share = new SharePage(page);
    await lab.open('?lab=container-to-container&flow=7');
    await expect(share.banner).toContainText(
      'This link asks for the flow "7", which this lab does not have: no flow is shown.',
    );
    await lab.open('?lab=no-such-lab');
    await expect(share.banner).toContainText('This link asks for the lab "no-such-lab"');

    await share.openFile('notes.json', 'my notes');
    await expect(share.banner).toContainText('This file could not be opened: not valid JSON.');
    await share.openFile('good.json', encodeFile(labWith(['fromfile'])));
    await expect(lab.card('fromfile')).toBeVisible();
    await expect(share.banner).toHaveCount(0);
    security.expectClean();
  });
});
