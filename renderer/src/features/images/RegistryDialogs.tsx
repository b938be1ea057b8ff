import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tKnown } from '../../i18n/keys';
import { imagePushCommand, imageTagCommand, loginCommand } from '../../../../engine/contract/cli';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import { parseImageReference } from '../../../../engine/contract/reference';
import { registryLoginInput } from '../../../../engine/contract/schemas';
import { firstProblemText } from '../../ui/inputProblem';
import { useHiddenSinceDrawn } from '../../ui/view-showing';
import type { LayerProgress, PullEvent } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LayerProgressList } from './LayerProgressList';

/** Give an image another name (repository:tag), e.g. to push it to a registry. */
export function TagDialog({ source, onClose }: { source: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const parsed = parseImageReference(target);
  const problem = target.trim() && !parsed.ok ? tKnown(t, `problems.reference.${parsed.code}`, parsed.params) : undefined;
  const tag = useMutation({ mutationFn: () => berth.images.tag.mutate({ source, target: target.trim() }), onSuccess: onClose });
  return (
    <Dialog title={t('registry.tagTitle', { source })} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed.ok) tag.mutate();
        }}
      >
        <label className="field">
          <span className="field__label">{t('registry.newName')}</span>
          <input className="input" autoFocus value={target} placeholder="registry.example.com/team/app:1.0" onChange={(e) => setTarget(e.target.value)} />
          {problem && <span className="field__problem">{problem}</span>}
        </label>
        <CommandPreview command={imageTagCommand(source, target.trim() || '…')} />
        {tag.error && <ErrorNotice error={toBerthError(tag.error)} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!parsed.ok || tag.isPending}>
            {t('registry.tag')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Push an image to its registry with per-layer progress; the saved login for that registry is used. */
export function PushDialog({ reference, onClose }: { reference: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [layers, setLayers] = useState<LayerProgress[]>([]);
  const [phase, setPhase] = useState<{ name: 'pushing' } | { name: 'done' } | { name: 'failed'; error: BerthErrorShape }>({ name: 'pushing' });
  const subscription = useRef<{ unsubscribe(): void } | undefined>(undefined);
  // Shown again after its list was hidden (which stopped the push): closing, not pushing again.
  const hiddenSinceDrawn = useHiddenSinceDrawn();
  useEffect(() => {
    if (hiddenSinceDrawn) return;
    subscription.current = berth.images.push.subscribe(
      { reference },
      {
        onData: (event: PullEvent) => (event.kind === 'progress' ? setLayers(event.layers) : setPhase({ name: 'done' })),
        onError: (e) => setPhase({ name: 'failed', error: toBerthError(e) }),
      },
    );
    return () => subscription.current?.unsubscribe();
  }, [reference, hiddenSinceDrawn]);
  return (
    <Dialog title={t('registry.pushTitle', { reference })} onClose={onClose}>
      <CommandPreview command={imagePushCommand(reference)} />
      <LayerProgressList layers={layers} complete={phase.name === 'done'} />
      {phase.name === 'pushing' && <p className="cell--muted">{t('registry.pushing')}</p>}
      {phase.name === 'done' && (
        <p className="notice notice--ok" role="status">
          {t('registry.pushed', { reference })}
        </p>
      )}
      {phase.name === 'failed' && <ErrorNotice title={t('registry.pushFailed')} error={phase.error} />}
      <div className="dialog__actions">
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {phase.name === 'pushing' ? t('registry.cancelPush') : t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * Log in to a registry the way `docker login` does; lists the registries already logged in to.
 * `initialServer` fills in the registry a refused pull named; `onLoggedIn` (then) takes over after a
 * successful login, e.g. to run that pull again.
 */
export function LoginDialog({
  onClose,
  initialServer,
  onLoggedIn,
}: {
  onClose: () => void;
  initialServer?: string | undefined;
  onLoggedIn?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [server, setServer] = useState(initialServer ?? 'docker.io');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const saved = useQuery({ queryKey: ['registries'], queryFn: () => berth.registries.list.query() });
  const problem = server && username && password ? firstProblemText(t, registryLoginInput, { server, username, password }) : undefined;
  const login = useMutation({
    mutationFn: () => berth.registries.login.mutate({ server: server.trim(), username, password }),
    onSuccess: (list) => {
      queryClient.setQueryData(['registries'], list);
      setPassword('');
      onLoggedIn?.();
    },
  });
  const logout = useMutation({
    mutationFn: (name: string) => berth.registries.logout.mutate({ server: name }),
    onSuccess: (list) => queryClient.setQueryData(['registries'], list),
  });
  return (
    <Dialog title={t('registry.loginTitle')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (server && username && password && !problem) login.mutate();
        }}
      >
        <label className="field">
          <span className="field__label">{t('registry.server')}</span>
          <input className="input" value={server} onChange={(e) => setServer(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('registry.username')}</span>
          <input className="input" autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('registry.password')}</span>
          <input className="input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {problem && <span className="field__problem">{problem}</span>}
        <CommandPreview command={loginCommand(server.trim(), username)} />
        {login.isSuccess && (
          <p className="notice notice--ok" role="status">
            {t('registry.loggedIn', { server })}
          </p>
        )}
        {login.error && <ErrorNotice error={toBerthError(login.error)} />}
        {(saved.data ?? []).length > 0 && (
          <div>
            <p className="field__label">{t('registry.saved')}</p>
            <ul className="dialog__list" aria-label={t('registry.saved')}>
              {saved.data!.map((name) => (
                <li key={name}>
                  {name}{' '}
                  <button type="button" className="button button--small" aria-label={t('registry.logoutFrom', { server: name })} onClick={() => logout.mutate(name)}>
                    {t('registry.logout')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="submit" className="button button--primary" disabled={!server || !username || !password || Boolean(problem) || login.isPending}>
            {t('registry.login')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
