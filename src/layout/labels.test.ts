import { describe, expect, it } from 'vitest';
import { SCENARIOS, buildScenario } from '../scenarios';
import { runContainer, simulate } from '../sim';
import { packetAnchors } from './anchors';
import { diagramLayout } from './diagram';
import { glyphBox, glyphSpot, labelBoxes, overlaps } from './labels';

describe('the packet glyph beside its node', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    '%s: on no hop does the glyph cover a label',
    (_id, scenario) => {
      let world = buildScenario(scenario, 'docker-27');
      // Six containers: the crowded picture the teacher used.
      for (let i = 0; i < 4; i++) {
        const r = runContainer(world, { image: 'nginx', name: `extra${i}`, detach: true });
        if (r.ok) world = r.world;
      }
      const layout = diagramLayout(world);
      const labels = labelBoxes(layout);
      let hops = 0;
      for (const flow of scenario.flows) {
        for (const packet of simulate(world, flow).packets) {
          for (const anchor of packetAnchors(layout, packet.hops)) {
            const g = glyphBox(glyphSpot(anchor.point, labels));
            expect(labels.filter((b) => overlaps(g, b))).toEqual([]);
            hops++;
          }
        }
      }
      expect(hops).toBeGreaterThan(0);
    },
  );

  it('a hop anchored on a stage would cover its name: the spot moves off it', () => {
    const layout = diagramLayout(buildScenario(SCENARIOS[0]!, 'docker-27'));
    const pre = layout.host.stages.PREROUTING;
    const at = { x: pre.x + pre.w / 2, y: pre.y + pre.h / 2 };
    expect(overlaps(glyphBox(at), pre)).toBe(true);
    expect(overlaps(glyphBox(glyphSpot(at, labelBoxes(layout))), pre)).toBe(false);
  });
});
