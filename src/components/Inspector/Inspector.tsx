// The current hop's packet, layer by layer; fields this hop changed show their old value too.
import { translate } from '../../i18n';
import { useAppStore } from '../../store/react';
import { selectCurrentEntry } from '../../store/selectors';
import { frameLayers } from './layers';

export function Inspector() {
  const entry = useAppStore(selectCurrentEntry);
  if (!entry) {
    return (
      <section className="panel inspector" aria-label="Packet inspector">
        <h2>Packet</h2>
        <p className="muted">Send a flow to inspect its packets hop by hop.</p>
      </section>
    );
  }
  const { hop, packet, index } = entry;
  const changed = new Map(hop.changed.map((c) => [c.field, c]));
  return (
    <section className="panel inspector" aria-label="Packet inspector" data-testid="inspector">
      <h2>
        Packet <span className="muted">#{index + 1} · {packet.label} · {hop.node}{hop.iface ? ` · ${hop.iface}` : ''}</span>
      </h2>
      {hop.frame.eth === null && (
        <p className="muted small">No Ethernet header: the packet is inside the IP stack.</p>
      )}
      <div className="tree">
        {frameLayers(hop.frame).map((layer) => (
          <details key={layer.id} open className={`layer layer-${layer.id}`}>
            <summary>{layer.title}</summary>
            <dl>
              {layer.fields.map((f) => {
                const c = changed.get(f.path);
                return (
                  <div key={f.path} className={c ? 'field changed' : 'field'} data-testid={`field-${f.path}`}>
                    <dt>{f.name}</dt>
                    <dd>
                      <span className="value" data-testid={`value-${f.path}`}>
                        {f.value}
                      </span>
                      {c && (
                        <span className="was" data-testid={`was-${f.path}`}>
                          was {String(c.from)}
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
          conntrack #{hop.ct.entry.id}: {hop.ct.state}
          {hop.ct.created ? ' (new entry)' : ''}
        </p>
      )}
      <p className="sr-only">{translate(hop.why.key, hop.why.params)}</p>
    </section>
  );
}
