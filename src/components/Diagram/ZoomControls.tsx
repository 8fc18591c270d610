// Zoom in / out / fit to screen, over the diagram's corner.
export function ZoomControls(props: { onFit: () => void; onZoom: (factor: number) => void }) {
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button type="button" onClick={() => props.onZoom(1.25)} aria-label="Zoom in">
        +
      </button>
      <button type="button" onClick={() => props.onZoom(0.8)} aria-label="Zoom out">
        −
      </button>
      <button type="button" onClick={props.onFit} className="fit" data-testid="fit">
        Fit to screen
      </button>
    </div>
  );
}
