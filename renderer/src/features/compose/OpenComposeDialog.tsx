import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { composeArgv, composeCommandLine, defaultProjectName, folderOf, targetFromFiles, type ComposeSource } from '../../../../engine/contract/compose-cli';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { openProject } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ComposeOutput } from './ComposeOutput';
import { ComposeToolLine } from './ComposeToolLine';
import { useComposeTool } from './useCompose';
import { useComposeRun } from './useComposeRun';
import './compose.css';

const projectNamePattern = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * Open a Compose project from its files: a path typed (the web host cannot show a file picker on the
 * engine side's disk), optional override and env files and a project name; "Show services" has
 * Compose read the files (its own error, quoted, when they are bad); Up streams, then the project can be opened.
 */
export function OpenComposeDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { data: tool } = useComposeTool();
  const [file, setFile] = useState('');
  const [overridesText, setOverridesText] = useState('');
  const [envFile, setEnvFile] = useState('');
  const [projectName, setProjectName] = useState('');
  const [services, setServices] = useState<{ names: string[] } | { error: BerthErrorShape } | undefined>();
  const [checking, setChecking] = useState(false);
  const run = useComposeRun();
  const [upProject, setUpProject] = useState<string | undefined>();

  const overrides = overridesText.split('\n').map((s) => s.trim()).filter(Boolean);
  const paths = [file.trim(), ...overrides, ...(envFile.trim() ? [envFile.trim()] : [])];
  const relative = paths.some((p) => p && !p.startsWith('/'));
  const nameProblem = projectName.trim() && !projectNamePattern.test(projectName.trim());
  const invalid = !file.trim() || relative || Boolean(nameProblem);
  const source: ComposeSource = { kind: 'files', files: [file.trim(), ...overrides], envFiles: envFile.trim() ? [envFile.trim()] : [], projectName: projectName.trim() };
  const busy = run.phase.name === 'running' || checking;

  const showServices = async () => {
    setChecking(true);
    setServices(undefined);
    try {
      setServices({ names: await berth.composeCli.services.query({ source }) });
    } catch (e) {
      setServices({ error: toBerthError(e) });
    } finally {
      setChecking(false);
    }
  };

  return (
    <Dialog title={t('compose.open.title')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid && !busy && tool?.found) run.start({ source, action: 'up' }, setUpProject);
        }}
      >
        <label className="field">
          <span className="field__label">{t('compose.open.file')}</span>
          <input className="input" autoFocus value={file} placeholder="/home/me/app/compose.yaml" onChange={(e) => setFile(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('compose.open.overrides')}</span>
          <textarea className="input" rows={2} value={overridesText} placeholder="/home/me/app/compose.override.yaml" onChange={(e) => setOverridesText(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('compose.open.envFile')}</span>
          <input className="input" value={envFile} placeholder="/home/me/app/.env" onChange={(e) => setEnvFile(e.target.value)} />
        </label>
        {relative && <span className="field__problem">{t('compose.open.absolute')}</span>}
        <label className="field">
          <span className="field__label">{t('compose.open.projectName')}</span>
          <input
            className="input"
            value={projectName}
            placeholder={file.startsWith('/') ? t('compose.open.projectNameDefault', { name: defaultProjectName(folderOf(file.trim())) }) : ''}
            onChange={(e) => setProjectName(e.target.value)}
          />
          {nameProblem && <span className="field__problem">{t('problems.input.composeProjectName')}</span>}
        </label>
        <p className="cell--muted">
          {t('compose.tool')}: <ComposeToolLine tool={tool} />
        </p>
        {tool?.found && !invalid && <CommandPreview label={t('compose.command')} command={composeCommandLine(composeArgv(tool.command, targetFromFiles(source), 'up'))} />}
        {services && 'names' in services && (
          <p className="notice notice--ok" role="status">
            {services.names.length ? t('compose.open.servicesFound', { names: services.names.join(', ') }) : t('compose.open.noServices')}
          </p>
        )}
        {services && 'error' in services && <ErrorNotice error={services.error} />}
        <ComposeOutput output={run.output} phase={run.phase} onStop={run.cancel} />
        {upProject && (
          <p className="notice notice--ok" role="status">
            {t('compose.open.opened', { name: upProject })}{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                onClose();
                openProject(upProject);
              }}
            >
              {t('compose.open.openProject', { name: upProject })}
            </button>
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="button" className="button" disabled={invalid || busy || !tool?.found} onClick={() => void showServices()}>
            {t('compose.open.showServices')}
          </button>
          <button type="submit" className="button button--primary" disabled={invalid || busy || !tool?.found}>
            {t('compose.open.up')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The Containers toolbar's "Open Compose file…" button with its dialog. */
export function OpenComposeButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('compose.open.button')}
      </button>
      {open && <OpenComposeDialog onClose={() => setOpen(false)} />}
    </>
  );
}
