import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editCommands, editPlan, type ContainerEditForm, type EditableContainer, type PortHolder } from '../../../../engine/contract/edit';
import { commandLine } from '../../../../engine/contract/cli';
import { openContainer } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import './edit.css';

export interface EditTarget {
  container: EditableContainer;
  mode: 'apply' | 'duplicate';
}

/** What Apply will do: which changed fields go in place, which need the safe recreate, and every command in order. */
export function EditPlanNotice({ target, form, keepPrevious, onKeepPrevious }: { target: EditTarget; form: ContainerEditForm; keepPrevious: boolean; onKeepPrevious: (keep: boolean) => void }) {
  const { t } = useTranslation();
  const { container, mode } = target;
  const plan = editPlan(container.form, form, mode);
  const words = (fields: readonly (keyof ContainerEditForm)[]) => fields.map((f) => t(`edit.fields.${f}`)).join(', ');
  const inPlace = plan.changed.filter((f) => !plan.needRecreate.includes(f));
  return (
    <div className="edit-plan" role="status">
      {container.compose && <ComposeNote compose={container.compose} />}
      {mode === 'apply' && plan.path === 'none' && <p>{t('edit.nothingChanged')}</p>}
      {mode === 'apply' && plan.path === 'update' && <p>{t('edit.inPlace', { fields: words(inPlace) })}</p>}
      {mode === 'apply' && plan.path === 'recreate' && (
        <>
          <p>{t('edit.needRecreate', { fields: words(plan.needRecreate), healthy: container.hasHealthcheck ? t('edit.whenHealthy') : '' })}</p>
          {!container.running && <p>{t('edit.notRunning')}</p>}
          <label className="checkbox-field">
            <input type="checkbox" checked={keepPrevious} onChange={(e) => onKeepPrevious(e.target.checked)} />
            <span>{t('edit.keepPrevious')}</span>
          </label>
        </>
      )}
      {mode === 'duplicate' && form.ports.length > 0 && <p className="edit-plan__warn">{t('edit.duplicatePorts')}</p>}
      {mode === 'duplicate' && container.networks.some((n) => n.ipv4 || n.ipv6) && <p>{t('edit.duplicateIps')}</p>}
      <p className="cell--muted">{t('edit.copiedSettings')}</p>
      {(mode === 'duplicate' || plan.path !== 'none') && (
        <CommandPreview label={t('edit.commands')} command={(revealSecrets) => editCommands(container, form, mode, { keepPrevious, revealSecrets }).join('\n')} />
      )}
    </div>
  );
}

/** A Compose container is Compose's to recreate: the command that does it for this one service. */
function ComposeNote({ compose }: { compose: NonNullable<EditableContainer['compose']> }) {
  const { t } = useTranslation();
  const files = (compose.configFiles ?? []).flatMap((file) => ['-f', file]);
  const base = ['compose', '-p', compose.project, ...files];
  const command = `${commandLine([...base, 'pull', compose.service])} && ${commandLine([...base, 'up', '-d', compose.service])}`;
  return (
    <>
      <p className="edit-plan__warn">{t('edit.compose', { project: compose.project, service: compose.service })}</p>
      <CommandPreview command={command} />
    </>
  );
}

/** A limit typed as text: a number ≥ 0, or undefined (the field says what is wrong). */
function limitValue(text: string, scale: number): number | undefined {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? Math.round(value * scale) : undefined;
}

/**
 * Memory (MiB) and CPU limits as text fields, turned into the form's bytes and nano-CPUs. A value
 * that is not a number ≥ 0 is said so under the field and sent up as NaN, which keeps Apply off.
 */
export function LimitsFields({ form, onChange }: { form: ContainerEditForm; onChange: (limits: { memoryBytes: number; nanoCpus: number }) => void }) {
  const { t } = useTranslation();
  const [memory, setMemory] = useState(String(Math.round(form.memoryBytes / 1024 / 1024)));
  const [cpus, setCpus] = useState(String(form.nanoCpus / 1e9));
  const memoryBytes = limitValue(memory, 1024 * 1024);
  const nanoCpus = limitValue(cpus, 1e9);
  const push = (memoryText: string, cpuText: string) => onChange({ memoryBytes: limitValue(memoryText, 1024 * 1024) ?? NaN, nanoCpus: limitValue(cpuText, 1e9) ?? NaN });
  return (
    <div className="run-form__row">
      <label className="select-field">
        <span>{t('edit.memory')}</span>
        <input className="input run-form__small" inputMode="numeric" value={memory} onChange={(e) => { setMemory(e.target.value); push(e.target.value, cpus); }} />
        {memoryBytes === undefined && <span className="field__problem">{t('edit.memoryProblem')}</span>}
      </label>
      <label className="select-field">
        <span>{t('edit.cpus')}</span>
        <input className="input run-form__small" inputMode="decimal" value={cpus} onChange={(e) => { setCpus(e.target.value); push(memory, e.target.value); }} />
        {nanoCpus === undefined && <span className="field__problem">{t('edit.cpuProblem')}</span>}
      </label>
    </div>
  );
}

/** `value` once it has stopped changing for `delayMs` (port checks wait for a pause in typing). */
export function useDebounced<T>(value: T, delayMs = 300): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- compared by content, not identity
  }, [key, delayMs]);
  return settled;
}

/**
 * Who holds a host port typed in the dialog, as the engine's side sees it: a container (a link
 * opens it), a program on this machine, or — for an engine elsewhere — only what its containers
 * publish. Offers the next free port in one click.
 */
export function PortHolderNote({ holder, port, onUse }: { holder: PortHolder | undefined; port: number; onUse: (port: number) => void }) {
  const { t } = useTranslation();
  if (!holder || holder.kind === 'free') return null;
  if (holder.kind === 'unknown') return <span className="port-holder cell--muted">{t('edit.portRemote')}</span>;
  const next = holder.nextFree;
  return (
    <span className="port-holder" role="note">
      {holder.kind === 'container' && (
        <>
          {t('edit.portHeldByContainer', { port })}
          <button type="button" className="link-button" onClick={() => openContainer(holder.id)}>
            {holder.name}
          </button>
        </>
      )}
      {holder.kind === 'process' && (holder.program ? t('edit.portHeldByProgram', { port, program: holder.program, pid: holder.pid ?? '?' }) : t('edit.portHeldByOther', { port }))}
      {next && (
        <button type="button" className="button button--small" onClick={() => onUse(next)}>
          {t('edit.useFreePort', { port: next })}
        </button>
      )}
    </span>
  );
}
