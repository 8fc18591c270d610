// The d3 modules behind pan and zoom, in one chunk that useZoom imports after the first paint.
export { select } from 'd3-selection';
export { zoom, zoomIdentity } from 'd3-zoom';
