import { expect, test } from './fixtures';

test.describe('launching containers from the form', () => {
  test('a new container gets its card, eth0 and one veth cable to docker0', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await lab.runContainer({ name: 'web', image: 'nginx', ports: '8081:80' });
    await expect(page.getByTestId('run-form')).toBeHidden();
    const card = lab.card('web');
    await expect(card).toBeVisible();
    await expect(card).toContainText('172.17.0.4/16');
    await expect(card).toContainText('0.0.0.0:8081->80/tcp');
    const cable = lab.cable('web');
    await expect(cable).toBeVisible();
    const veth = await cable.getAttribute('data-veth');
    expect(veth).toMatch(/^veth[0-9a-f]{7}$/);
    // Both ends labelled with their real names: the host end on docker0, eth0 on the card.
    await expect(page.getByTestId('bridge-docker0').getByTestId(`port-${veth}`)).toHaveText(
      veth ?? '',
    );
    await expect(page.getByTestId('badge-web-eth0')).toHaveText('eth0');
    const story = page.getByTestId('veth-story');
    await expect(story.getByTestId('story-commands')).toContainText(
      `ip link add ${veth} type veth`,
    );
    await story.getByTestId('story-step-join').click();
    await expect(story).toContainText(`${veth} joins docker0`);
  });

  test('engine errors appear next to their field and nothing is half-created', async ({
    lab,
    page,
  }) => {
    await lab.open();
    const cards = page.locator('[data-testid^="card-"]');
    await expect(cards).toHaveCount(2);

    const form = await lab.runContainer({ name: 'c1', image: 'nginx' });
    await expect(form.getByTestId('error-name')).toContainText(
      'Conflict. The container name "/c1" is already in use',
    );

    await form.getByLabel('Name').fill('web2');
    await form.getByLabel('Publish').fill('8080:80');
    await form.getByRole('button', { name: 'Run' }).click();
    await expect(form.getByTestId('error-ports')).toContainText(
      'Bind for 0.0.0.0:8080 failed: port is already allocated',
    );

    await form.getByLabel('Publish').fill('99999:80');
    await form.getByRole('button', { name: 'Run' }).click();
    await expect(form.getByTestId('error-ports')).toContainText('invalid hostPort: 99999');

    await expect(cards).toHaveCount(2);
    await expect(page.locator('[data-testid^="cable-"]')).toHaveCount(2);
  });

  test('a none-mode container has only lo and no cable', async ({ lab, page }) => {
    await lab.open();
    await lab.runContainer({ name: 'iso', image: 'nginx', network: 'none' });
    await expect(lab.card('iso')).toContainText('lo 127.0.0.1');
    await expect(lab.cable('iso')).toHaveCount(0);
    await expect(page.getByTestId('badge-iso-eth0')).toHaveCount(0);
  });
});
