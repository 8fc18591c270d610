// Page objects for the lab view, handed to specs through test.extend.
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export class LabPage {
  readonly diagram: Locator;
  readonly inspector: Locator;
  readonly narration: Locator;
  readonly hopCount: Locator;
  readonly glyphLabel: Locator;
  readonly netfilter: Locator;

  constructor(readonly page: Page) {
    this.diagram = page.getByTestId('diagram');
    this.inspector = page.getByTestId('inspector');
    this.narration = page.getByTestId('narration');
    this.hopCount = page.getByTestId('hop-count');
    this.glyphLabel = page.getByTestId('glyph-label');
    this.netfilter = page.getByTestId('netfilter-panel');
  }

  /** Loads the lab with state from the URL (?lab=…&flow=…&theme=…). */
  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await this.ready();
  }

  /** The app has taken over the page (the prerendered picture's controls do nothing before). */
  async ready(): Promise<void> {
    await expect(this.page.locator('html[data-ready]')).toHaveCount(1);
    await expect(this.diagram).toBeVisible();
  }

  card(name: string): Locator {
    return this.page.getByTestId(`card-${name}`);
  }

  cable(container: string, ifName = 'eth0'): Locator {
    return this.page.getByTestId(`cable-${container}-${ifName}`);
  }

  async runContainer(opts: {
    name?: string;
    image?: string;
    network?: string;
    ports?: string;
  }): Promise<Locator> {
    await this.page.getByTestId('open-run').click();
    const form = this.page.getByTestId('run-form');
    if (opts.name !== undefined) await form.getByLabel('Name').fill(opts.name);
    if (opts.image !== undefined) await form.getByLabel('Image').selectOption(opts.image);
    if (opts.network !== undefined) await form.getByLabel('Network').selectOption(opts.network);
    if (opts.ports !== undefined) await form.getByLabel('Publish').fill(opts.ports);
    await form.getByRole('button', { name: 'Run' }).click();
    return form;
  }

  async sendPreset(id: string): Promise<void> {
    await this.page.getByTestId(`preset-${id}`).click();
    await expect(this.hopCount).toHaveText(/^hop 1 \/ \d+$/);
  }

  async position(): Promise<{ at: number; of: number }> {
    const m = /hop (\d+) \/ (\d+)/.exec((await this.hopCount.textContent()) ?? '');
    return { at: Number(m?.[1] ?? 0), of: Number(m?.[2] ?? 0) };
  }

  async stepForward(): Promise<void> {
    const { at } = await this.position();
    await this.page.getByRole('button', { name: 'Step forward' }).click();
    await expect(this.hopCount).toHaveText(new RegExp(`^hop ${at + 1} /`));
  }

  async stepBack(): Promise<void> {
    const { at } = await this.position();
    await this.page.getByRole('button', { name: 'Step back' }).click();
    await expect(this.hopCount).toHaveText(new RegExp(`^hop ${at - 1} /`));
  }

  /**
   * Steps forward with the → key until `done` holds; fails at the last hop. The key runs the same
   * store action as the Step forward button (whose click stepForward and stepping.spec.ts cover);
   * a click waits for the button to be stable and hit-testable on every hop, which made a 40-hop
   * search cost ~20 s on a busy machine.
   */
  async stepUntil(done: () => Promise<boolean>, what: string): Promise<void> {
    // Out of the terminal's prompt, where the page's playback keys are not read.
    await this.hopCount.click();
    for (;;) {
      if (await done()) return;
      const { at, of } = await this.position();
      if (at >= of) throw new Error(`reached the last hop without ${what}`);
      await this.page.keyboard.press('ArrowRight');
      await expect(this.hopCount).toHaveText(new RegExp(`^hop ${at + 1} /`));
    }
  }

  /**
   * Goes to the last hop with the End key (the control for "last hop"); stepping hop by hop is
   * covered by stepping.spec.ts and by stepUntil, and a 160-hop flow pressed → by → costs minutes.
   */
  async stepToEnd(): Promise<void> {
    const { of } = await this.position();
    const step = this.page.getByRole('button', { name: 'Step forward' });
    await this.page.getByTestId('hop-count').click();
    await this.page.keyboard.press('End');
    await expect(this.hopCount).toHaveText(`hop ${of} / ${of}`);
    await expect(step).toBeDisabled();
  }

  /** An inspector field's current value and, if this hop changed it, the old one. */
  value(path: string): Locator {
    return this.inspector.getByTestId(`value-${path}`);
  }

  was(path: string): Locator {
    return this.inspector.getByTestId(`was-${path}`);
  }

  /** Everything the view shows for the current hop, to compare snapshots of it. */
  async hopSnapshot(): Promise<string[]> {
    return Promise.all([
      this.hopCount.innerText(),
      this.narration.innerText(),
      this.inspector.innerText(),
      this.glyphLabel.innerText(),
      this.page
        .getByTestId('packet-glyph')
        .locator('.glyph')
        .getAttribute('style')
        .then((s) => s ?? ''),
      this.netfilter.innerHTML(),
    ]);
  }
}

export const test = base.extend<{ lab: LabPage }>({
  lab: async ({ page }, use) => {
    await use(new LabPage(page));
  },
});

export { expect };
