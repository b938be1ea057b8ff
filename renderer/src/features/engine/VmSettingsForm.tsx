import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vmSettingsInput } from '../../../../engine/contract/schemas';
import type { VmEngineStatus, VmSettings } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { issueText } from '../../ui/inputProblem';

type Field = keyof VmSettings;
const fields: Field[] = ['cpus', 'memoryMiB', 'diskGiB'];

/** CPUs, memory and disk of Berth's VM, checked as typed; they apply at the next start. */
export function VmSettingsForm({ status, onSaved }: { status: VmEngineStatus; onSaved: (next: VmEngineStatus) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Record<Field, string>>(() => toDraft(status.settings));
  const save = useMutation({ mutationFn: (settings: VmSettings) => berth.engines.vm.configure.mutate(settings), onSuccess: onSaved });
  const parsed = vmSettingsInput.safeParse(Object.fromEntries(fields.map((f) => [f, draft[f].trim() === '' ? NaN : Number(draft[f])])));
  const problems = new Map<string, string>(parsed.success ? [] : parsed.error.issues.map((issue) => [String(issue.path[0]), issueText(t, issue)]));
  const changed = fields.some((f) => draft[f] !== String(status.settings[f]));
  const needsRestart = status.state === 'running' || status.state === 'starting';
  return (
    <form
      className="form"
      aria-label={t('engine.vm.settings')}
      onSubmit={(event) => {
        event.preventDefault();
        if (parsed.success) save.mutate(parsed.data);
      }}
    >
      <h3>{t('engine.vm.settings')}</h3>
      <div className="form__row">
        {fields.map((field) => (
          <label key={field} className="field">
            <span className="field__label">{t(`engine.vm.fields.${field}`)}</span>
            <input
              className="input"
              type="number"
              inputMode="numeric"
              value={draft[field]}
              aria-invalid={problems.has(field) ? true : undefined}
              onChange={(event) => setDraft((d) => ({ ...d, [field]: event.target.value }))}
            />
            {problems.has(field) && <span className="field__problem">{problems.get(field)}</span>}
          </label>
        ))}
      </div>
      <div className="toolbar">
        <button type="submit" className="button" disabled={!parsed.success || !changed || save.isPending}>
          {t('engine.vm.saveSettings')}
        </button>
        {save.isSuccess && !changed && <span className="cell--muted" role="status">{needsRestart ? t('engine.vm.savedRestart') : t('engine.vm.saved')}</span>}
      </div>
      {save.error && <ErrorNotice error={toBerthError(save.error)} />}
    </form>
  );
}

function toDraft(settings: VmSettings): Record<Field, string> {
  return { cpus: String(settings.cpus), memoryMiB: String(settings.memoryMiB), diskGiB: String(settings.diskGiB) };
}
