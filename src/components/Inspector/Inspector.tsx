// The current hop's packet, layer by layer; fields this hop changed show their old value too.
import { useT } from '../../hooks/useT';
import { useAppStore } from '../../store/react';
import { selectCurrentEntry } from '../../store/selectors';
import { hopLabel } from '../Diagram/packetText';
import { frameLayers } from './layers';

export function Inspector() {
  const entry = useAppStore(selectCurrentEntry);
  const t = useT();
  if (!entry) {
    return (
      <section className="panel inspector" aria-label={t('inspector.label')}>
        <h2>{t('inspector.title')}</h2>
        <p className="muted">{t('inspector.empty')}</p>
      </section>
    );
  }
  const { hop, packet, index } = entry;
  const changed = new Map(hop.changed.map((c) => [c.field, c]));
  return (
    <section className="panel inspector" aria-label={t('inspector.label')} data-testid="inspector">
      <h2>
        {t('inspector.title')}{' '}
        <span className="muted">
          #{index + 1} · {hopLabel(packet.label, hop.frame, t)} · {t.place(hop.node)}
          {hop.iface ? ` · ${hop.iface}` : ''}
        </span>
      </h2>
      {hop.frame.eth === null && <p className="muted small">{t('inspector.noEth')}</p>}
      <div className="tree">
        {frameLayers(hop.frame, t).map((layer) => (
          <details key={layer.id} open className={`layer layer-${layer.id}`}>
            <summary>{layer.title}</summary>
            <dl>
              {layer.fields.map((f) => {
                const c = changed.get(f.path);
                return (
                  <div
                    key={f.path}
                    className={c ? 'field changed' : 'field'}
                    data-testid={`field-${f.path}`}
                  >
                    <dt>{f.name}</dt>
                    <dd>
                      <span className="value" data-testid={`value-${f.path}`}>
                        {f.value}
                      </span>
                      {c && (
                        <span className="was" data-testid={`was-${f.path}`}>
                          {t('inspector.was', { value: String(c.from) })}
                        </span>
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </details>
        ))}
      </div>
      {hop.ct && (
        <p className="ct-note small">
          {t('inspector.ct', { id: hop.ct.entry.id, state: hop.ct.state })}
          {hop.ct.created ? t('inspector.ctNew') : ''}
        </p>
      )}
      <p className="sr-only">{t.why(hop.why, hop.node)}</p>
    </section>
  );
}
