import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations mid-flow (${theme})`, async ({ lab, page }) => {
    await lab.open(`?theme=${theme}&flow=outside-to-published-port&hop=27`);
    const results = await new AxeBuilder({ page })
      .exclude('[data-testid="terminal-slot"]')
      .analyze();
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      serious.map(
        (v) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      ),
    ).toEqual([]);
  });
}
