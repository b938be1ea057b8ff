import { useTranslation } from 'react-i18next';
import type { LayerProgress } from '../../../../engine/contract/types';
import { formatBytes } from '../../ui/format';

/** One progress row per layer and a total bar, for pulls and pushes alike. */
export function LayerProgressList({ layers, complete }: { layers: readonly LayerProgress[]; complete: boolean }) {
  const { t, i18n } = useTranslation();
  const bytes = (n: number) => formatBytes(n, i18n.language);
  const known = layers.filter((l) => l.total);
  const total = known.reduce((n, l) => n + (l.total ?? 0), 0);
  const current = known.reduce((n, l) => n + Math.min(l.current ?? 0, l.total ?? 0), 0);
  if (layers.length === 0) return null;
  return (
    <div className="pull-progress">
      <label className="pull-progress__total">
        <span>{t('pull.total', { current: bytes(current), total: bytes(total) })}</span>
        <progress max={total || 1} value={complete ? total || 1 : current} aria-label={t('pull.totalLabel')} />
      </label>
      <ul className="pull-progress__layers" aria-label={t('pull.layers')}>
        {layers.map((layer) => (
          <li key={layer.id} className="pull-progress__layer">
            <code>{layer.id}</code>
            <span>{layer.status}</span>
            {layer.total ? (
              <>
                <progress max={layer.total} value={layer.current ?? 0} aria-label={layer.id} />
                <span className="cell--muted">
                  {bytes(layer.current ?? 0)} / {bytes(layer.total)}
                </span>
              </>
            ) : (
              <span />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
