import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contextCreateCommand, contextRemoveCommand, engineInfoCommand } from '../../../../engine/contract/cli-engines';
import { engineAddress, engineName, savedEngineInput } from '../../../../engine/contract/engine-entry';
import type { EngineChoice, EngineEndpoint } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { CommandPreview } from '../../ui/CommandPreview';
import { ConfirmActions, Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { firstProblemText } from '../../ui/inputProblem';

/**
 * Add or edit an engine saved in Berth: a name, an address, TLS files as paths, and "Also save as a
 * docker context". Each field is checked as typed with the contract's own schema.
 */
export function EngineFormDialog({ editing, onDone, onClose }: { editing?: EngineEndpoint; onDone: (choices: EngineChoice[]) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(editing?.name ?? '');
  const [url, setUrl] = useState(editing?.url ?? '');
  const [ca, setCa] = useState(editing?.tls?.ca ?? '');
  const [cert, setCert] = useState(editing?.tls?.cert ?? '');
  const [key, setKey] = useState(editing?.tls?.key ?? '');
  const [writeContext, setWriteContext] = useState(editing?.wroteContext ?? false);
  const input = { name, url, tls: { ca, cert, key }, writeContext };
  const tls = { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
  // Editing an engine whose docker context Berth wrote: unticking the box, or renaming it, removes that context; say so.
  const droppedContext = editing?.wroteContext && editing.name && (!writeContext || name !== editing.name) ? editing.name : undefined;
  const nameProblem = name ? firstProblemText(t, engineName, name) : undefined;
  const urlProblem = url ? firstProblemText(t, engineAddress, url) : undefined;
  const tlsProblem = (path: string) => (path ? firstProblemText(t, savedEngineInput.shape.tls.unwrap().shape.ca, path) : undefined);
  const invalid = !name || !url || Boolean(nameProblem || urlProblem || tlsProblem(ca) || tlsProblem(cert) || tlsProblem(key));
  const save = useMutation({
    mutationFn: () => (editing?.name ? berth.engines.saved.update.mutate({ ...input, previous: editing.name }) : berth.engines.saved.add.mutate(input)),
    onSuccess: onDone,
  });
  const tlsField = (label: string, value: string, set: (v: string) => void, placeholder: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input className="input" value={value} placeholder={placeholder} spellCheck={false} onChange={(e) => set(e.target.value.trim())} />
      {tlsProblem(value) && <span className="field__problem">{tlsProblem(value)}</span>}
    </label>
  );
  return (
    <Dialog title={editing?.name ? t('engines.form.editTitle', { name: editing.name }) : t('engines.form.addTitle')} onClose={onClose}>
      <form
        className="form engine-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) save.mutate();
        }}
      >
        <label className="field">
          <span className="field__label">{t('engines.form.name')}</span>
          <input className="input" autoFocus value={name} placeholder="build-server" spellCheck={false} onChange={(e) => setName(e.target.value.trim())} />
          {nameProblem && <span className="field__problem">{nameProblem}</span>}
        </label>
        <label className="field">
          <span className="field__label">{t('engines.form.address')}</span>
          <input className="input" value={url} placeholder={t('engines.form.addressHint')} spellCheck={false} onChange={(e) => setUrl(e.target.value.trim())} />
          {urlProblem && <span className="field__problem">{urlProblem}</span>}
          {url.startsWith('ssh://') && <span className="cell--muted">{t('engines.form.sshNote')}</span>}
        </label>
        <fieldset className="engine-form__tls">
          <legend>{t('engines.form.tlsTitle')}</legend>
          {tlsField(t('engines.form.ca'), ca, setCa, '/home/me/.docker/ca.pem')}
          {tlsField(t('engines.form.cert'), cert, setCert, '/home/me/.docker/cert.pem')}
          {tlsField(t('engines.form.key'), key, setKey, '/home/me/.docker/key.pem')}
        </fieldset>
        <label className="checkbox-field">
          <input type="checkbox" checked={writeContext} onChange={(e) => setWriteContext(e.target.checked)} />
          {t('engines.form.writeContext')}
        </label>
        {writeContext && name && !nameProblem && <span className="cell--muted">{t('engines.form.writeContextHint', { name })}</span>}
        {droppedContext && <p className="cell--muted">{t('engines.form.contextGoes', { name: droppedContext })}</p>}
        {!invalid && (
          <CommandPreview
            command={[
              ...(droppedContext ? [contextRemoveCommand(droppedContext)] : []),
              writeContext ? contextCreateCommand(name, url, tls) : engineInfoCommand({ url, tls, source: 'saved' }),
            ].join(' && ')}
          />
        )}
        {save.error && <ErrorNotice title={t('engines.form.saveFailed')} error={toBerthError(save.error)} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('engines.form.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={invalid || save.isPending}>
            {t('engines.form.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Forgetting a saved engine names it, and removes the docker context only if Berth wrote it and the person ticks the box. */
export function EngineRemoveDialog({ endpoint, onDone, onClose }: { endpoint: EngineEndpoint; onDone: (choices: EngineChoice[]) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const name = endpoint.name ?? '';
  const [removeContext, setRemoveContext] = useState(Boolean(endpoint.wroteContext));
  const remove = useMutation({ mutationFn: () => berth.engines.saved.remove.mutate({ name, removeContext }), onSuccess: onDone });
  return (
    <Dialog title={t('engines.removeDialog.title', { name })} onClose={onClose}>
      <p>{t('engines.removeDialog.body', { name, url: endpoint.url })}</p>
      {endpoint.wroteContext ? (
        <>
          <label className="checkbox-field">
            <input type="checkbox" checked={removeContext} onChange={(e) => setRemoveContext(e.target.checked)} />
            {t('engines.removeDialog.alsoContext', { name })}
          </label>
          {removeContext && <CommandPreview command={contextRemoveCommand(name)} />}
        </>
      ) : null}
      {remove.error && <ErrorNotice title={t('engines.removeDialog.failed')} error={toBerthError(remove.error)} />}
      <ConfirmActions cancel={t('engines.removeDialog.cancel')} confirm={t('engines.removeDialog.confirm')} onCancel={onClose} onConfirm={() => remove.mutate()} />
    </Dialog>
  );
}

/** Plain tcp:// to another computer: asked every time, because registry logins would cross the network in clear. */
export function PlainTcpConfirmDialog({ url, onConfirm, onClose }: { url: string; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('engines.plainTcp.title')} onClose={onClose}>
      <p>{t('engines.plainTcp.body', { url })}</p>
      <p className="cell--muted">{t('engines.plainTcp.hint')}</p>
      <ConfirmActions cancel={t('engines.plainTcp.cancel')} confirm={t('engines.plainTcp.confirm')} onCancel={onClose} onConfirm={onConfirm} />
    </Dialog>
  );
}
