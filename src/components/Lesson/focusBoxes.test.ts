import { describe, expect, it } from 'vitest';
import { diagramLayout } from '../../layout/diagram';
import { createWorld } from '../../sim';
import { focusMarks, focusName } from './focusBoxes';

describe('"Look here" for the three networks', () => {
  const layout = diagramLayout(createWorld());
  const marks = focusMarks(layout, { kind: 'networks' });
  it.each(['en', 'zh-CN'] as const)('names what it highlights, and only that (%s)', (lang) => {
    const name = focusName({ kind: 'networks' }, lang);
    // One box, docker0's bar: the name must say docker0 and must not promise three things to look at.
    expect(marks.boxes).toHaveLength(layout.bridges.length);
    for (const b of layout.bridges) expect(name).toContain(b.device);
    expect(name).not.toMatch(/^the three networks|^三个网络/);
  });
});
