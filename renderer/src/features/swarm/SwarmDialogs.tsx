import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { swarmCommands } from '../../../../engine/contract/swarm';
import type { SwarmService } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { CommandPreview } from '../../ui/CommandPreview';
import { ConfirmActions, Dialog } from '../../ui/Dialog';
import { QueryErrorNotice } from '../../ui/ErrorNotice';
import { swarmKeys, useSwarmEngineId } from './useSwarm';

/** Scale a replicated service: the replica count, and the `docker service scale` it equals. */
export function ScaleDialog({ service, onClose, onApply }: { service: SwarmService; onClose: () => void; onApply: (replicas: number) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(service.desired));
  const replicas = Number(text);
  const valid = /^\d+$/.test(text.trim()) && replicas <= 1000;
  return (
    <Dialog title={t('swarm.scaleOf', { service: service.name })} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onApply(replicas);
        }}
      >
        <label className="field">
          <span className="field__label">{t('swarm.scaleReplicas')}</span>
          <input className="input" type="number" min={0} max={1000} data-autofocus value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <CommandPreview command={swarmCommands.scale(service.name, valid ? replicas : 0)} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('swarm.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!valid}>
            {t('swarm.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Update a service's image (`docker service update --image`); the rest of the spec stays. */
export function UpdateImageDialog({ service, onClose, onApply }: { service: SwarmService; onClose: () => void; onApply: (image: string) => void }) {
  const { t } = useTranslation();
  const [image, setImage] = useState(service.image);
  const value = image.trim();
  return (
    <Dialog title={t('swarm.updateImageOf', { service: service.name })} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (value) onApply(value);
        }}
      >
        <label className="field">
          <span className="field__label">{t('swarm.newImage')}</span>
          <input className="input" data-autofocus value={image} onChange={(e) => setImage(e.target.value)} />
        </label>
        <CommandPreview command={swarmCommands.updateImage(service.name, value || service.image)} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('swarm.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!value || value === service.image}>
            {t('swarm.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function RemoveServiceDialog({ service, onClose, onConfirm }: { service: SwarmService; onClose: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('swarm.removeTitle', { service: service.name })} onClose={onClose}>
      <p>{t('swarm.removeBody')}</p>
      <CommandPreview command={swarmCommands.remove(service.name)} />
      <ConfirmActions cancel={t('swarm.cancel')} confirm={t('swarm.removeOf', { service: service.name })} onCancel={onClose} onConfirm={onConfirm} />
    </Dialog>
  );
}

/** Names everything `docker stack rm` takes away (read from the engine by the stack's label) before it goes. */
export function RemoveStackDialog({ stack, onClose, onConfirm }: { stack: string; onClose: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  const engineId = useSwarmEngineId();
  const { data, error } = useQuery({ queryKey: swarmKeys.stack(engineId, stack), queryFn: () => berth.swarm.stackResources.query({ stack }) });
  const kinds = ['services', 'networks', 'configs', 'secrets'] as const;
  return (
    <Dialog title={t('swarm.removeStackTitle', { stack })} onClose={onClose}>
      <QueryErrorNotice error={error} />
      {data && (
        <>
          <p>{t('swarm.removeStackBody')}</p>
          {kinds
            .filter((kind) => data[kind].length > 0)
            .map((kind) => (
              <div key={kind}>
                <strong>{t(`swarm.removeStackKinds.${kind}`)}</strong>
                <ul className="dialog__list" aria-label={t(`swarm.removeStackKinds.${kind}`)}>
                  {data[kind].map((name) => (
                    <li key={name} className="cell--mono">
                      {name}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </>
      )}
      <CommandPreview command={swarmCommands.stackRemove(stack)} />
      <ConfirmActions cancel={t('swarm.cancel')} confirm={t('swarm.removeStackOf', { stack })} onCancel={onClose} onConfirm={onConfirm} />
    </Dialog>
  );
}
