// `npm run bench`: prints one JSON object per line, each figure with its target where it has one.
// `npm run bench -- engine` or `-- bundle` runs one group.
import { bundleFigures } from './bench-bundle';
import { engineFigures, type Figure } from './bench-engine';

const groups: Record<string, () => Figure[]> = {
  engine: engineFigures,
  bundle: () => bundleFigures(true),
};
const wanted = process.argv.slice(2).filter((a) => a in groups);
for (const name of wanted.length > 0 ? wanted : Object.keys(groups)) {
  for (const f of groups[name]!()) console.log(JSON.stringify(f));
}
