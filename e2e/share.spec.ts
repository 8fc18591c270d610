import type { Page } from '@playwright/test';
import { LabPage } from './fixtures';
import { expect, labView, STORAGE_KEY, test } from './fixtures/share';

/** A lab a teacher builds by hand: one more container, a flow, a few hops in. */
async function buildLab(lab: LabPage): Promise<void> {
  await lab.open();
  await lab.runContainer({ name: 'web2', image: 'nginx', ports: '9090:80' });
  await expect(lab.card('web2')).toBeVisible();
  await lab.page.getByTestId('open-run').click(); // fold the form
  await lab.sendPreset('outside-to-published-port');
  for (let i = 0; i < 5; i++) await lab.stepForward();
  await expect(lab.hopCount).toHaveText(/^hop 6 \//);
}

/** A #lab= link holding any JSON, packed in the page exactly as the app packs links. */
async function linkOf(page: Page, value: unknown): Promise<string> {
  return page.evaluate(async (v) => {
    const s = new Blob([JSON.stringify(v)])
      .stream()
      .pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(s).arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return `${location.origin}/#lab=${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
  }, value);
}

test.describe('share and keep a lab', () => {
  test('a link opens exactly the same lab: cards, flow, hop and inspector', async ({
    lab,
    share,
    browser,
  }) => {
    await buildLab(lab);
    const before = await labView(lab);
    const link = await share.copyLink();
    expect(new URL(link).hash).toMatch(/^#lab=/);

    // A student's browser: nothing saved, same screen.
    const student = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      reducedMotion: 'reduce',
    });
    const page = await student.newPage();
    await page.goto(link);
    const other = new LabPage(page);
    await other.ready();
    await expect(other.hopCount).toHaveText(/^hop 6 \//);
    await expect(other.card('web2')).toBeVisible();
    expect(await labView(other)).toEqual(before);
    // The link was read; the address bar no longer carries it (a reload opens the autosave).
    expect(new URL(page.url()).hash).toBe('');
    await student.close();
  });

  test('a corrupt or incompatible link says why and opens the user’s own lab, untouched', async ({
    lab,
    share,
    page,
  }) => {
    await buildLab(lab);
    // The lab as built, hop 6 included, is saved (the saves are debounced).
    await share.waitForAutosave((json) => json.includes('"web2"') && json.includes('"hop": 5'));
    const good = await share.copyLink();
    const saved = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);

    await page.goto('about:blank');
    await page.goto(good.slice(0, Math.floor(good.length / 2)));
    await expect(share.banner).toHaveAttribute('role', 'alert');
    await expect(share.banner).toContainText(
      /^This link could not be opened: the link is corrupt or truncated .*\. Your own lab is open instead\./,
    );
    await expect(lab.card('web2')).toBeVisible();
    await expect(lab.hopCount).toHaveText(/^hop 6 \//);
    expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).toBe(saved);

    const v2 = await linkOf(page, { format: 'docker-network-lab', version: 2, world: {} });
    await page.goto('about:blank');
    await page.goto(v2);
    await expect(share.banner).toContainText(
      'This link could not be opened: version: unsupported version 2: this lab reads version 1',
    );
    await expect(lab.card('web2')).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(share.banner).toHaveCount(0);
  });

  test('a scenario file saves and loads; a broken file is refused and changes nothing', async ({
    lab,
    share,
  }) => {
    await buildLab(lab);
    const saved = await labView(lab);
    const download = await share.download('share-save-file');
    expect(download.suggestedFilename()).toMatch(/^docker-network-lab-docker-27-hop-6\.json$/);
    const file = await download.createReadStream().then(async (s) => {
      const chunks: Buffer[] = [];
      for await (const c of s) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    });
    expect(JSON.parse(file)).toMatchObject({
      format: 'docker-network-lab',
      version: 1,
      cursor: { packet: 0, hop: 5 },
    });

    await lab.stepForward();
    const moved = await labView(lab);
    await share.openFile(
      'broken.json',
      '{"format":"docker-network-lab","version":1,"world":{"version":1}}',
    );
    await expect(share.banner).toContainText(
      /^This file could not be opened: world\.[^ ]+: .+\. Your lab is unchanged\./,
    );
    expect(await labView(lab)).toEqual(moved);
    await share.openFile('notes.json', 'these are my notes, not a lab');
    await expect(share.banner).toContainText(
      'This file could not be opened: not valid JSON. Your lab is unchanged.',
    );
    expect(await labView(lab)).toEqual(moved);

    await share.openFile('lab.json', file);
    await expect(lab.hopCount).toHaveText(/^hop 6 \//);
    expect(await labView(lab)).toEqual(saved);
  });

  test('a reload opens the last lab; a broken stored lab is ignored with a message', async ({
    lab,
    share,
    page,
  }) => {
    await buildLab(lab);
    const before = await labView(lab);
    await share.waitForAutosave((json) => json.includes('"hop": 5'));
    await page.reload();
    await lab.ready();
    await expect(lab.hopCount).toHaveText(/^hop 6 \//);
    expect(await labView(lab)).toEqual(before);

    await page.evaluate(
      (k) => localStorage.setItem(k, '{"format":"docker-network-lab","version":1'),
      STORAGE_KEY,
    );
    await page.reload();
    await lab.ready();
    await expect(share.banner).toContainText('Your last lab could not be restored: not valid JSON');
    await expect(lab.card('web2')).toHaveCount(0);
    await expect(lab.card('c1')).toBeVisible();
  });
});
