// Playback icons as inline SVG: no icon font, so they render the same on every machine.
const paths = {
  first: 'M5 4h2v16H5zM19 4v16L8 12z',
  back: 'M18 4v16L6 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  forward: 'M6 4v16l12-8z',
  last: 'M17 4h2v16h-2zM5 4v16l11-8z',
  // Two triangles: a jump over several hops to the next / previous key moment.
  prevMoment: 'M12 4v16L2 12zM22 4v16l-10-8z',
  nextMoment: 'M2 4v16l10-8zM12 4v16l10-8z',
} as const;

export function Icon(props: { name: keyof typeof paths }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden focusable="false" className="icon">
      <path d={paths[props.name]} fill="currentColor" />
    </svg>
  );
}
