import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { composeArgv, composeCommandLine, type ComposeProject, type ComposeRunInput, type ComposeTool } from '../../../../engine/contract/compose-cli';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { closeContainer } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { QueryErrorNotice } from '../../ui/ErrorNotice';
import { errorText } from '../../ui/errorText';
import { ComposeOutput } from './ComposeOutput';
import { ComposeToolLine } from './ComposeToolLine';
import { useComposeProject, useComposeTool } from './useCompose';
import { useComposeRun } from './useComposeRun';
import './compose.css';

type Action = ComposeRunInput['action'];
const projectActions = ['up', 'down', 'pull', 'recreate'] as const;

/**
 * A Compose project up close: its folder, files and env files (from its containers' labels), the
 * Compose that runs it, its services, and the Compose CLI actions, each showing its exact command
 * before it runs. When the files are gone the CLI actions say why and stay off.
 */
export function ProjectDetail({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  const engineId = useEngineStatus()?.endpoint.id;
  const { data: project, error } = useComposeProject(name);
  const { data: tool } = useComposeTool();
  const run = useComposeRun();
  const [pending, setPending] = useState<{ action: Action; service?: string } | undefined>();
  const filesOk = project !== undefined && !project.filesProblem;
  const configServices = useQuery({
    queryKey: [engineId ?? '', 'compose-services', name],
    queryFn: ({ signal }) => berth.composeCli.services.query({ source: { kind: 'project', name } }, { signal }),
    enabled: engineId !== undefined && filesOk && tool?.found === true,
    staleTime: 60_000,
    retry: false,
  });
  const canRun = filesOk && tool?.found === true && run.phase.name !== 'running';
  const ask = (action: Action, service?: string) => setPending({ action, ...(service ? { service } : {}) });
  const confirm = () => {
    if (!pending) return;
    setPending(undefined);
    run.start({ source: { kind: 'project', name }, action: pending.action, ...(pending.service ? { service: pending.service } : {}) });
  };

  const running = new Set(project?.services.map((s) => s.name));
  const notCreated = (configServices.data ?? []).filter((s) => !running.has(s));
  const why = project?.filesProblem ? errorText(i18n, { code: 'NOT_FOUND', message: '', reason: project.filesProblem.reason, params: { path: project.filesProblem.path } }).text : '';

  return (
    <section className="view compose-project" aria-labelledby="project-title">
      <header className="view__header">
        <button type="button" className="button" onClick={closeContainer}>
          ← {t('compose.back')}
        </button>
        <h1 id="project-title">{t('compose.title', { name })}</h1>
      </header>
      <QueryErrorNotice error={error} />
      {project && <ProjectFacts project={project} tool={tool} />}
      {project?.filesProblem && (
        <p className="notice" role="status">
          {t('compose.filesUnavailable', { why })}
        </p>
      )}
      {project && (
        <div className="toolbar" role="toolbar" aria-label={t('compose.actions')}>
          {projectActions.map((action) => (
            <button key={action} type="button" className={action === 'down' ? 'button button--danger' : 'button'} disabled={!canRun} onClick={() => ask(action)}>
              {t(`compose.${action}`)}
            </button>
          ))}
        </div>
      )}
      {pending && project && tool?.found && (
        <ConfirmRun project={project} tool={tool} action={pending.action} service={pending.service} onRun={confirm} onCancel={() => setPending(undefined)} />
      )}
      <ComposeOutput output={run.output} phase={run.phase} onStop={run.cancel} />
      {project && (
        <div className="compose-services">
          <h2>{t('compose.services')}</h2>
          <ul className="compose-services__list">
            {project.services.map((service) => (
              <li key={service.name} className="compose-services__item">
                <strong>{service.name}</strong>
                <span className="compose-services__containers">
                  {service.containers.map((c) => (
                    <span key={c.id} className="compose-services__container">
                      {c.name} {c.number !== undefined && t('compose.replica', { number: c.number })} · {c.state}
                    </span>
                  ))}
                </span>
                <span className="compose-services__actions">
                  <button type="button" className="button button--small" disabled={!canRun} onClick={() => ask('restartService', service.name)}>
                    {t('compose.restartService', { service: service.name })}
                  </button>
                  <button type="button" className="button button--small" disabled={!canRun} onClick={() => ask('recreateService', service.name)}>
                    {t('compose.recreateService', { service: service.name })}
                  </button>
                </span>
              </li>
            ))}
            {notCreated.map((service) => (
              <li key={service} className="compose-services__item">
                <strong>{service}</strong>
                <span className="cell--muted">{t('compose.notCreated')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function ProjectFacts({ project, tool }: { project: ComposeProject; tool: ComposeTool | undefined }) {
  const { t } = useTranslation();
  const { target } = project;
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t('compose.folder')}</dt>
        <dd>{target.projectDirectory ?? '—'}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('compose.files')}</dt>
        <dd>
          {target.files.map((f) => (
            <div key={f}>{f}</div>
          ))}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('compose.envFiles')}</dt>
        <dd>{target.envFiles.length ? target.envFiles.map((f) => <div key={f}>{f}</div>) : <span className="cell--muted">{t('compose.envDefault')}</span>}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('compose.tool')}</dt>
        <dd>
          <ComposeToolLine tool={tool} />
        </dd>
      </div>
    </dl>
  );
}

/** The exact command an action runs, shown (and copyable) before it runs; `down` also names what goes. */
function ConfirmRun({
  project,
  tool,
  action,
  service,
  onRun,
  onCancel,
}: {
  project: ComposeProject;
  tool: Extract<ComposeTool, { found: true }>;
  action: Action;
  service: string | undefined;
  onRun: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const command = composeCommandLine(composeArgv(tool.command, project.target, action, service));
  const containers = project.services.flatMap((s) => s.containers.map((c) => c.name));
  return (
    <div className="compose-confirm" role="group" aria-label={t('compose.confirmTitle')}>
      <strong>{t('compose.confirmTitle')}</strong>
      <CommandPreview command={command} label={t('compose.command')} />
      {action === 'down' && <p className="notice">{t('compose.confirmDown', { names: containers.join(', ') })}</p>}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('compose.cancel')}
        </button>
        <button type="button" className={action === 'down' ? 'button button--danger' : 'button button--primary'} autoFocus onClick={onRun}>
          {t('compose.run')}
        </button>
      </div>
    </div>
  );
}
