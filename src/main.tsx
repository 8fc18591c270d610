// The entry: a wait, then the app. The page the build prerendered is drawn from its HTML and its
// inlined stylesheet alone (all of the app's CSS: vite.config.ts's cssCodeSplit); the app
// (start.tsx: React, the store, the lab) is fetched, compiled and run only once that first paint is
// on screen, so none of its work competes with the page's own layout, raster and drawing for the
// first frame (on a 2-core laptop the script's 40–50 ms of evaluation otherwise lands between the
// frame's commit and its display). A page with nothing drawn in it (the dev server's) starts at once.
import { whenFirstPainted } from './first-paint';

const start = () => void import('./start').then((m) => m.start());
if (document.getElementById('root')?.dataset['prerendered']) whenFirstPainted(start);
else start();
