// Profiles are named by the Docker release they reproduce (src/sim/releases.ts). Links and saved
// labs made while they were called `classic` and `current` still open, on the same release.
import { buildScenario, findScenario } from '../src/scenarios';
import { encodeFile, encodeFragment } from '../src/share';
import { createAppStore } from '../src/store';
import { labOf } from '../src/store/persist';
import { STORAGE_KEY } from './fixtures/share';
import { expect, test } from './fixtures/terminal';

/** A lab as the app wrote it while the Docker 29 profile was called `current`. */
function labOfCurrent() {
  const store = createAppStore({
    world: buildScenario(findScenario('container-to-container')!, 'docker-29'),
  });
  const doc = labOf(store);
  return { ...doc, world: { ...doc.world, profile: 'current' as never } };
}

const DOCKER_29 = 'Docker version 29.0.4, build 3247a5a';
const DOCKER_27 = 'Docker version 27.5.1, build 9f9e405';

test.describe('old profile names', () => {
  test('?profile=current opens the Docker 29 host, ?profile=classic the Docker 27 one', async ({
    lab,
    terminal,
    page,
  }) => {
    await lab.open('?profile=current');
    await expect(page.getByTestId('netfilter-panel').locator('.profile')).toHaveText(
      'profile: Docker 29.0.4',
    );
    await terminal.run('docker --version');
    await expect(terminal.lastRow()).toHaveText(DOCKER_29);
    await lab.open('?profile=classic');
    await terminal.run('docker --version');
    await expect(terminal.lastRow()).toHaveText(DOCKER_27);
  });

  test('a lab saved and a link made with profile "current" open on Docker 29', async ({
    lab,
    terminal,
    page,
  }) => {
    await lab.open();
    const text = encodeFile(labOfCurrent());
    expect(text).toContain('"profile": "current"');
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [STORAGE_KEY, text]);
    await page.reload();
    await lab.ready();
    await terminal.run('docker --version');
    await expect(terminal.lastRow()).toHaveText(DOCKER_29);

    await lab.open(`${await encodeFragment(labOfCurrent())}`);
    await terminal.run('docker --version');
    await expect(terminal.lastRow()).toHaveText(DOCKER_29);
  });
});
