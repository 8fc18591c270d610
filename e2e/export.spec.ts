import type { Download } from '@playwright/test';
import { expect, test } from './fixtures/share';

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

test.describe('export the diagram', () => {
  test('SVG and PNG at the current hop open as standalone pictures', async ({
    lab,
    share,
    page,
  }, testInfo) => {
    await lab.open('?flow=outside-to-published-port&hop=5');
    await expect(lab.hopCount).toHaveText(/^hop 5 \//);
    const label = (await lab.glyphLabel.textContent()) ?? '';

    const svgDownload = await share.download('export-svg');
    expect(svgDownload.suggestedFilename()).toBe('docker-network-lab-hop-5.svg');
    const svg = (await bytesOf(svgDownload)).toString('utf8');
    expect(svg).not.toContain('var(--');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      const frame = root.querySelector('.host-frame');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: `${root.namespaceURI} ${root.localName}`,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        text: root.textContent ?? '',
        frameStyle: frame?.getAttribute('style') ?? '',
        cards: root.querySelectorAll('[data-testid^="card-"]').length,
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('http://www.w3.org/2000/svg svg');
    expect(parsed.width).toBeGreaterThan(400);
    expect(parsed.height).toBeGreaterThan(300);
    expect(parsed.cards).toBe(2);
    expect(parsed.text).toContain('docker0');
    // The packet at this hop, with its label, is in the picture.
    // (As shown: letters the page sets in capitals are capitals in the file too.)
    const squeeze = (t: string) => t.replace(/\s+/g, '').toLowerCase();
    expect(squeeze(parsed.text)).toContain(squeeze(label).slice(0, 30));
    // Styles are inlined: the host frame keeps its fill outside the page.
    expect(parsed.frameStyle).toMatch(/fill: rgb\(/);
    const drawn = await page.evaluate(async (text) => {
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, svg);
    expect(drawn).toEqual([parsed.width, parsed.height]);

    const pngDownload = await share.download('export-png');
    expect(pngDownload.suggestedFilename()).toBe('docker-network-lab-hop-5.png');
    const png = await bytesOf(pngDownload);
    await pngDownload.saveAs(testInfo.outputPath('diagram.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const image = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97)
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return { width: img.naturalWidth, height: img.naturalHeight, colours: colours.size };
    }, png.toString('base64'));
    // 2× the SVG, and a picture rather than a blank canvas.
    expect(image.width).toBe(parsed.width * 2);
    expect(image.height).toBe(parsed.height * 2);
    expect(image.colours).toBeGreaterThan(20);
  });
});
