import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineChoice, EngineEndpoint } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { toBerthError } from '../../rpc/errors';
import { clearSelection } from '../../state/ui-store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { engineDisplayName, isRemoteEngine } from './engine-label';
import { EngineFormDialog, EngineRemoveDialog, PlainTcpConfirmDialog } from './EngineForm';
import './engines.css';

export const enginesKey = ['engines'] as const;

type Dialogs = { kind: 'add' } | { kind: 'edit'; endpoint: EngineEndpoint } | { kind: 'remove'; endpoint: EngineEndpoint } | { kind: 'plainTcp'; endpoint: EngineEndpoint };

/**
 * Every engine Berth can use: its own, those saved in Berth, DOCKER_HOST, the usual sockets and every
 * docker context (the CLI's current one marked), each with whether it answers (or why not) and its
 * versions; a button to switch, and add, edit and remove for saved engines.
 */
export function EngineChoices() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useEngineStatus();
  const [dialog, setDialog] = useState<Dialogs | undefined>();
  const queryKey = [...enginesKey, status?.endpoint.id, status?.state];
  const { data: choices = [], isPending } = useQuery({
    // Asked again whenever the engine in use, or its connection, changes.
    queryKey,
    queryFn: () => berth.engines.list.query(),
    staleTime: 0,
  });
  const refreshWith = (next: EngineChoice[]) => {
    queryClient.setQueryData(queryKey, next);
    void queryClient.invalidateQueries({ queryKey: enginesKey });
  };
  const use = useMutation({
    mutationFn: ({ id, confirmPlainTcp }: { id: string; confirmPlainTcp?: boolean }) => berth.engines.use.mutate({ id, confirmPlainTcp: confirmPlainTcp ?? false }),
    onSuccess: () => {
      clearSelection();
      void queryClient.invalidateQueries({ queryKey: enginesKey });
    },
    onError: (error, { id }) => {
      // The trusted side refuses plain tcp:// to another computer until the person confirms, each time.
      const endpoint = choices.find((c) => c.endpoint.id === id)?.endpoint;
      if (toBerthError(error).reason === 'plainTcpNeedsConsent' && endpoint) setDialog({ kind: 'plainTcp', endpoint });
    },
  });
  const useError = use.error && toBerthError(use.error).reason !== 'plainTcpNeedsConsent' ? toBerthError(use.error) : undefined;
  return (
    <section className="card" aria-labelledby="engine-choices-title">
      <div className="engines__header">
        <h2 id="engine-choices-title" className="card__title">{t('engine.choices.title')}</h2>
        <button type="button" className="button button--small" onClick={() => setDialog({ kind: 'add' })}>
          {t('engines.add')}
        </button>
      </div>
      {isPending && <p className="cell--muted">{t('common.loading')}</p>}
      <ul className="engines__list" aria-label={t('engines.listLabel')}>
        {choices.map((choice) => (
          <EngineRow
            key={choice.endpoint.id}
            choice={choice}
            busy={use.isPending}
            onUse={() => use.mutate({ id: choice.endpoint.id })}
            onEdit={() => setDialog({ kind: 'edit', endpoint: choice.endpoint })}
            onRemove={() => setDialog({ kind: 'remove', endpoint: choice.endpoint })}
          />
        ))}
      </ul>
      {useError && <ErrorNotice title={t('engine.choices.switchFailed')} error={useError} />}
      {dialog?.kind === 'add' && <EngineFormDialog onClose={() => setDialog(undefined)} onDone={(next) => (refreshWith(next), setDialog(undefined))} />}
      {dialog?.kind === 'edit' && (
        <EngineFormDialog editing={dialog.endpoint} onClose={() => setDialog(undefined)} onDone={(next) => (refreshWith(next), setDialog(undefined))} />
      )}
      {dialog?.kind === 'remove' && (
        <EngineRemoveDialog endpoint={dialog.endpoint} onClose={() => setDialog(undefined)} onDone={(next) => (refreshWith(next), setDialog(undefined))} />
      )}
      {dialog?.kind === 'plainTcp' && (
        <PlainTcpConfirmDialog
          url={dialog.endpoint.url}
          onClose={() => setDialog(undefined)}
          onConfirm={() => {
            use.mutate({ id: dialog.endpoint.id, confirmPlainTcp: true });
            setDialog(undefined);
          }}
        />
      )}
    </section>
  );
}

function EngineRow({ choice, busy, onUse, onEdit, onRemove }: { choice: EngineChoice; busy: boolean; onUse: () => void; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const { endpoint } = choice;
  const name = engineDisplayName(t, endpoint);
  const remote = isRemoteEngine(endpoint);
  const where =
    endpoint.source === 'saved'
      ? t(endpoint.wroteContext ? 'engines.savedAsContext' : 'engines.saved')
      : endpoint.source === 'context'
        ? t('engines.context', { name: endpoint.contextName ?? '' })
        : `${t(`engine.sources.${endpoint.source}`)}${endpoint.contextName === 'default' ? ` · ${t('engines.defaultContext')}` : ''}`;
  const state = choice.answering
    ? choice.version
      ? t('engines.versions', { version: choice.version, api: choice.apiVersion ?? '?' })
      : t('engine.choices.answering')
    : choice.problem
      ? t(`engines.why.${choice.problem.kind}`, { detail: choice.problem.detail ?? '' })
      : t('engine.choices.notAnswering');
  return (
    <li className="engines__item" aria-label={`${name} ${endpoint.url}`}>
      <span className={`status-dot status-dot--${choice.answering ? 'connected' : 'disconnected'}`} aria-hidden="true" />
      <div className="engines__main">
        <span className="engines__name">
          {name}
          {remote && <span className="engines__badge engines__badge--remote" title={t('engines.remoteIcon')}>⇄ {t('engines.remote')}</span>}
          {endpoint.tls && <span className="engines__badge">{t('engines.tls')}</span>}
          {endpoint.currentContext && <span className="engines__badge">{t('engines.currentContext')}</span>}
        </span>
        <code className="engines__url">{endpoint.url}</code>
        {where !== name && <span className="engines__where">{where}</span>}
      </div>
      <span className={choice.answering ? 'engines__state' : 'engines__state engines__state--problem'}>{state}</span>
      <div className="engines__actions">
        {endpoint.source === 'saved' && (
          <>
            <button type="button" className="button button--small" aria-label={t('engines.editNamed', { name })} onClick={onEdit}>
              {t('engines.edit')}
            </button>
            <button type="button" className="button button--small" aria-label={t('engines.removeNamed', { name })} onClick={onRemove}>
              {t('engines.remove')}
            </button>
          </>
        )}
        {choice.current ? (
          <strong className="engines__current">{t('engine.choices.inUse')}</strong>
        ) : (
          <button type="button" className="button button--small" disabled={busy} onClick={onUse}>
            {t('engine.choices.use')}
          </button>
        )}
      </div>
    </li>
  );
}
