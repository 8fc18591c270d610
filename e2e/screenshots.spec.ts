import { expect, test } from './fixtures';

for (const theme of ['light', 'dark'] as const) {
  test(`default lab looks as designed (${theme})`, async ({ lab, page }) => {
    await lab.open(`?theme=${theme}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    // The terminal panel belongs to another component with its own tests: masked here.
    await expect(page).toHaveScreenshot(`lab-${theme}.png`, {
      mask: [page.getByTestId('terminal-slot')],
    });
  });
}
