import { expect, test } from './fixtures';

for (const theme of ['light', 'dark'] as const) {
  test(`default lab looks as designed (${theme})`, async ({ lab, page }) => {
    await lab.open(`?theme=${theme}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page).toHaveScreenshot(`lab-${theme}.png`, { fullPage: false });
  });
}
