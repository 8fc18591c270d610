// `npm run bench`: prints one JSON object per line, each figure with its target where it has one.
import { engineFigures } from './bench-engine';

for (const f of engineFigures()) console.log(JSON.stringify(f));
