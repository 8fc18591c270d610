// `npm run bench`: prints one JSON object per line, each figure with its target where it has one.
// `npm run bench -- engine`, `-- bundle` or `-- browser` runs one group (browser: BENCH_SOAK_MIN=1
// shortens its 5-minute memory soak; BENCH_BROWSER=load,interaction picks some of its figures).
import { browserFigures } from './bench/browser';
import { bundleFigures } from './bench/bundle';
import { engineFigures, type Figure } from './bench/engine';

const groups: Record<string, () => Figure[] | Promise<Figure[]>> = {
  engine: engineFigures,
  bundle: () => bundleFigures(true),
  browser: browserFigures,
};
const wanted = process.argv.slice(2).filter((a) => a in groups);
for (const name of wanted.length > 0 ? wanted : Object.keys(groups)) {
  for (const f of await groups[name]!()) console.log(JSON.stringify(f));
}
