import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { toBerthError } from '../../rpc/errors';
import { clearSelection } from '../../state/ui-store';
import { ErrorNotice } from '../../ui/ErrorNotice';

export const enginesKey = ['engines'] as const;

/** Every engine Berth found (and its own), which one is in use, and a button to switch. */
export function EngineChoices() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useEngineStatus();
  const { data: choices = [], isPending } = useQuery({
    // Asked again whenever the engine in use, or its connection, changes.
    queryKey: [...enginesKey, status?.endpoint.id, status?.state],
    queryFn: () => berth.engines.list.query(),
    staleTime: 0,
  });
  const use = useMutation({
    mutationFn: (id: string) => berth.engines.use.mutate({ id }),
    onSuccess: () => {
      clearSelection();
      void queryClient.invalidateQueries({ queryKey: enginesKey });
    },
  });
  return (
    <section className="card" aria-labelledby="engine-choices-title">
      <h2 id="engine-choices-title" className="card__title">{t('engine.choices.title')}</h2>
      {isPending && <p className="cell--muted">{t('common.loading')}</p>}
      <ul className="choice-list">
        {choices.map((choice) => (
          <li key={choice.endpoint.id} className="choice-list__item" aria-label={choice.endpoint.url}>
            <span className={`status-dot status-dot--${choice.answering ? 'connected' : 'disconnected'}`} aria-hidden="true" />
            <span className="choice-list__name">
              {choice.endpoint.source === 'berth' ? t('engine.choices.berth') : t(`engine.sources.${choice.endpoint.source}`)}
              {choice.endpoint.contextName ? ` (${choice.endpoint.contextName})` : ''}
            </span>
            <code className="choice-list__url">{choice.endpoint.url}</code>
            <span className="cell--muted">{choice.answering ? t('engine.choices.answering') : t('engine.choices.notAnswering')}</span>
            {choice.current ? (
              <strong className="choice-list__current">{t('engine.choices.inUse')}</strong>
            ) : (
              <button
                type="button"
                className="button button--small"
                disabled={use.isPending}
                onClick={() => use.mutate(choice.endpoint.id)}
              >
                {t('engine.choices.use')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {use.error && <ErrorNotice title={t('engine.choices.switchFailed')} error={toBerthError(use.error)} />}
    </section>
  );
}
