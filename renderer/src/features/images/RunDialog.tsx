import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tKnown } from '../../i18n/keys';
import { containerRunCommand, splitCommandLine } from '../../../../engine/contract/cli';
import { parseEnvText } from '../../../../engine/contract/env';
import { parsePortSpec } from '../../../../engine/contract/ports';
import { imageIdPattern, parseImageReference } from '../../../../engine/contract/reference';
import { mountProblem } from '../../../../engine/contract/mounts';
import { containerName, restartPolicies } from '../../../../engine/contract/schemas';
import { firstProblemText } from '../../ui/inputProblem';
import type { PullEvent } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { toBerthError } from '../../rpc/errors';
import { containersQuery, imagesQuery } from '../../rpc/queries';
import { openContainer } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PortRow, portDraftSpec, type PortDraft } from './PortRow';
import { shellQuote } from '../../../../engine/contract/cli';
import { editPlan } from '../../../../engine/contract/edit';
import { EditPlanNotice, LimitsFields, PortHolderNote, useDebounced, type EditTarget } from '../edit/EditParts';
import { updatesQuery } from '../edit/updates';

interface MountDraft {
  source: string;
  target: string;
  readOnly: boolean;
}

type Restart = (typeof restartPolicies)[number];

/** The dialog's port rows for `-p` specs (an edited container's ports). */
function portDrafts(specs: readonly string[]): PortDraft[] {
  return specs.flatMap((spec) => {
    const parsed = parsePortSpec(spec);
    return parsed.ok ? [{ hostIp: parsed.hostIp || '127.0.0.1', hostPort: parsed.hostPort, containerPort: parsed.containerPort, protocol: parsed.protocol }] : [];
  });
}

/**
 * Run a container from an image, every field checked as you type, with the exact `docker run` it
 * equals. With `edit`, the same dialog edits or duplicates an existing container, filled from it.
 */
export function RunDialog({ image: initialImage, onClose, edit }: { image: string; onClose: () => void; edit?: EditTarget }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const start = edit?.container.form;
  const [image, setImage] = useState(start?.image ?? initialImage);
  const [name, setName] = useState(start ? (edit.mode === 'duplicate' ? `${start.name}-copy` : start.name) : '');
  // Untouched, the ports are the image's EXPOSEd ones, offered on 127.0.0.1 with the same host port.
  const [portsDraft, setPorts] = useState<PortDraft[] | undefined>(start ? portDrafts(start.ports) : undefined);
  const [mounts, setMounts] = useState<MountDraft[]>(start?.mounts ?? []);
  const [envText, setEnvText] = useState(start?.env.join('\n') ?? '');
  const [commandText, setCommandText] = useState(start?.command.map(shellQuote).join(' ') ?? '');
  const [restart, setRestart] = useState<Restart>(start?.restart ?? 'no');
  const [autoRemove, setAutoRemove] = useState(start?.autoRemove ?? false);
  const [network, setNetwork] = useState(start?.network ?? '');
  const [limits, setLimits] = useState({ memoryBytes: start?.memoryBytes ?? 0, nanoCpus: start?.nanoCpus ?? 0 });
  const [keepPrevious, setKeepPrevious] = useState(false);
  // The container being edited holds its own ports until it is stopped: they are no conflict.
  const except = edit?.mode === 'apply' ? edit.container.id : undefined;
  const [pulling, setPulling] = useState<string>();
  const [portSpecText, setPortSpecText] = useState('');
  const [portSpecProblem, setPortSpecProblem] = useState<string>();

  const containers = useQuery({ ...containersQuery(engineId), enabled: Boolean(engineId) }).data ?? [];
  const images = useQuery({ ...imagesQuery(engineId), enabled: Boolean(engineId) }).data ?? [];
  const exposed = useQuery({
    queryKey: ['exposed-ports', engineId, image],
    queryFn: () => berth.images.exposedPorts.query({ reference: image.trim() }),
    enabled: Boolean(image.trim()),
  }).data;
  const ports: PortDraft[] =
    portsDraft ??
    (exposed ?? []).map((p) => ({ hostIp: '127.0.0.1', hostPort: String(p.containerPort), containerPort: String(p.containerPort), protocol: p.protocol === 'udp' || p.protocol === 'sctp' ? p.protocol : 'tcp' }));

  const parsedImage = parseImageReference(image);
  // An image ID (as `docker images` prints it) names a local image; it is never pulled.
  const imageId = imageIdPattern.test(image.trim());
  const localImage = imageId || images.some((i) => i.id === image || i.tags.some((tag) => sameImage(tag, image)));
  const env = parseEnvText(envText);
  const command = splitCommandLine(commandText);
  const portSpecs = ports.map(portDraftSpec);
  const parsedPorts = portSpecs.map(parsePortSpec);
  // A single host port is checked on the engine's side, after a pause in typing: who holds it (a
  // container, another program) and the next free one. A range is the engine's to pick from.
  const singleHostPort = (i: number) => (/^\d+$/.test(ports[i]!.hostPort) ? Number(ports[i]!.hostPort) : 0);
  const settledPorts = useDebounced(ports.map((p, i) => ({ hostIp: p.hostIp, hostPort: parsedPorts[i]!.ok ? singleHostPort(i) : 0, protocol: p.protocol })));
  const portChecks = useQueries({
    queries: settledPorts.map((p) => ({
      queryKey: ['host-port-holder', p.hostIp, p.hostPort, p.protocol, except ?? ''],
      queryFn: () => berth.containers.hostPortHolder.query({ hostIp: p.hostIp, hostPort: p.hostPort, protocol: p.protocol, ...(except ? { except } : {}) }),
      enabled: p.hostPort > 0,
      staleTime: 2000,
      retry: false,
    })),
  });
  const holderOf = (i: number) => (settledPorts[i]?.hostPort === singleHostPort(i) ? portChecks[i]?.data : undefined);
  const problems = {
    image: imageId || parsedImage.ok ? undefined : tKnown(t, `problems.reference.${parsedImage.code}`, parsedImage.params),
    name: name && (firstProblemText(t, containerName, name) ?? (containers.some((c) => c.name === name && c.id !== except) ? t('run.nameTaken', { name }) : undefined)),
    ports: parsedPorts.map((parsed, i) => {
      if (!parsed.ok) return tKnown(t, `problems.port.${parsed.code}`, parsed.params);
      const port = singleHostPort(i);
      const holder = holderOf(i);
      if (holder?.kind === 'container' || holder?.kind === 'process') return t('run.portTaken', { port });
      const twice = port > 0 && ports.some((q, j) => j < i && q.hostPort === ports[i]!.hostPort && q.protocol === ports[i]!.protocol);
      return twice ? t('run.portTwice', { port }) : undefined;
    }),
    mounts: mounts.map((m) => {
      const problem = mountProblem(m);
      return problem && tKnown(t, `problems.mount.${problem.code}`, problem.params);
    }),
    env: env.problems.map((p) => t('run.envLine', { line: p.line, problem: tKnown(t, `problems.env.${p.code}`, p.params) })).join('\n') || undefined,
    command: command ? undefined : t('run.openQuote'),
  };
  const invalid = Boolean(problems.image || problems.name || problems.ports.some(Boolean) || problems.mounts.some(Boolean) || problems.env || problems.command);
  const input = {
    image: image.trim(),
    name,
    ports: portSpecs,
    mounts,
    env: env.env,
    command: command ?? [],
    restart,
    autoRemove,
    network: network.trim(),
  };

  /** Adds a row from docker's -p syntax, or says what is wrong with it. */
  const addPortSpec = () => {
    const parsed = parsePortSpec(portSpecText);
    if (!parsed.ok) {
      setPortSpecProblem(tKnown(t, `problems.port.${parsed.code}`, parsed.params));
      return;
    }
    setPorts([...ports, { hostIp: parsed.hostIp || '127.0.0.1', hostPort: parsed.hostPort, containerPort: parsed.containerPort, protocol: parsed.protocol }]);
    setPortSpecText('');
  };

  const editForm = { ...input, ...limits };
  const limitsInvalid = Boolean(edit) && !(Number.isFinite(limits.memoryBytes) && Number.isFinite(limits.nanoCpus));
  const run = useMutation({
    mutationFn: async () => {
      if (!localImage && parsedImage.ok) await pullFirst(image.trim(), setPulling);
      if (edit) {
        const outcome = await berth.containers.edit.mutate({ id: edit.container.id, form: editForm, mode: edit.mode, keepPrevious });
        // Here rather than in onSuccess: removing the previous container can unmount this dialog first.
        openContainer(outcome.id);
        onClose();
        return outcome;
      }
      return berth.containers.run.mutate(input);
    },
    onSuccess: ({ id }) => {
      void queryClient.invalidateQueries({ queryKey: [engineId] });
      void queryClient.invalidateQueries({ queryKey: updatesQuery(engineId).queryKey });
      onClose();
      openContainer(id);
    },
    onSettled: () => setPulling(undefined),
  });

  return (
    <Dialog title={edit ? t(edit.mode === 'duplicate' ? 'edit.duplicateTitle' : 'edit.editTitle', { name: edit.container.name }) : t('run.title')} onClose={onClose}>
      <form
        className="form run-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) run.mutate();
        }}
      >
        <Field label={t('run.image')} problem={problems.image}>
          <input className="input" value={image} autoFocus={!initialImage} placeholder="nginx:1.27" onChange={(e) => setImage(e.target.value)} />
          {!localImage && parsedImage.ok && <span className="cell--muted">{t('run.willPull')}</span>}
        </Field>
        <Field label={t('run.name')} problem={problems.name || undefined}>
          <input className="input" value={name} autoFocus={Boolean(initialImage)} placeholder={t('run.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        </Field>

        <fieldset className="run-form__group">
          <legend>{t('run.ports')}</legend>
          {ports.map((port, i) => (
            <div key={i}>
              <PortRow
                index={i}
                port={port}
                problem={problems.ports[i]}
                onChange={(next) => setPorts(ports.map((p, j) => (j === i ? next : p)))}
                onRemove={() => setPorts(ports.filter((_, j) => j !== i))}
              />
              <PortHolderNote holder={holderOf(i)} port={singleHostPort(i)} onUse={(free) => setPorts(ports.map((p, j) => (j === i ? { ...p, hostPort: String(free) } : p)))} />
            </div>
          ))}
          <button type="button" className="button button--small" onClick={() => setPorts([...ports, { hostIp: '127.0.0.1', hostPort: '', containerPort: '', protocol: 'tcp' }])}>
            {t('run.addPort')}
          </button>
          <div className="run-form__row run-form__row--wide">
            <input
              className="input run-form__spec"
              aria-label={t('run.portSpec')}
              placeholder={t('run.portSpecPlaceholder')}
              value={portSpecText}
              onChange={(e) => {
                setPortSpecText(e.target.value);
                setPortSpecProblem(undefined);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addPortSpec();
                }
              }}
            />
            <button type="button" className="button button--small" onClick={addPortSpec}>
              {t('run.addPortSpec')}
            </button>
            {portSpecProblem && <span className="field__problem run-form__problem">{portSpecProblem}</span>}
          </div>
          <p className="cell--muted">{t('run.defaultHost')}</p>
        </fieldset>

        <fieldset className="run-form__group">
          <legend>{t('run.volumes')}</legend>
          {mounts.map((mount, i) => (
            <div key={i} className="run-form__row">
              <input className="input" aria-label={t('run.volumeSource', { number: i + 1 })} placeholder={t('run.volumeSourcePlaceholder')} value={mount.source} onChange={(e) => setMounts(mounts.map((m, j) => (j === i ? { ...m, source: e.target.value } : m)))} />
              <input className="input" aria-label={t('run.volumeTarget', { number: i + 1 })} placeholder="/data" value={mount.target} onChange={(e) => setMounts(mounts.map((m, j) => (j === i ? { ...m, target: e.target.value } : m)))} />
              <label className="checkbox-field">
                <input type="checkbox" checked={mount.readOnly} onChange={(e) => setMounts(mounts.map((m, j) => (j === i ? { ...m, readOnly: e.target.checked } : m)))} />
                <span>{t('run.readOnly')}</span>
              </label>
              <button type="button" className="button button--small" aria-label={t('run.removeVolume', { number: i + 1 })} onClick={() => setMounts(mounts.filter((_, j) => j !== i))}>
                ×
              </button>
              {problems.mounts[i] && <span className="field__problem run-form__problem">{problems.mounts[i]}</span>}
            </div>
          ))}
          <button type="button" className="button button--small" onClick={() => setMounts([...mounts, { source: '', target: '', readOnly: false }])}>
            {t('run.addVolume')}
          </button>
        </fieldset>

        <Field label={t('run.env')} problem={problems.env}>
          <textarea className="input" rows={3} value={envText} placeholder="LOG_LEVEL=debug" onChange={(e) => setEnvText(e.target.value)} />
          <span className="cell--muted">{t('run.envHelp')}</span>
        </Field>
        <Field label={t('run.command')} problem={problems.command}>
          <input className="input" value={commandText} placeholder={t('run.commandPlaceholder')} onChange={(e) => setCommandText(e.target.value)} />
        </Field>
        <div className="run-form__row">
          <label className="select-field">
            <span>{t('run.restart')}</span>
            <select value={restart} onChange={(e) => setRestart(e.target.value as Restart)}>
              {restartPolicies.map((policy) => (
                <option key={policy} value={policy}>
                  {t(`run.restartPolicies.${policy}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox-field">
            <input type="checkbox" checked={autoRemove} onChange={(e) => setAutoRemove(e.target.checked)} />
            <span>{t('run.autoRemove')}</span>
          </label>
          <label className="select-field">
            <span>{t('run.network')}</span>
            <input className="input run-form__small" value={network} placeholder="bridge" onChange={(e) => setNetwork(e.target.value)} />
          </label>
        </div>
        {edit && <LimitsFields form={editForm} onChange={setLimits} />}
        {edit ? (
          <EditPlanNotice target={edit} form={editForm} keepPrevious={keepPrevious} onKeepPrevious={setKeepPrevious} />
        ) : (
          <CommandPreview command={(revealSecrets) => containerRunCommand(input, { revealSecrets })} />
        )}
        {pulling && (
          <p className="notice" role="status">
            {pulling}
          </p>
        )}
        {run.error && <ErrorNotice title={t(edit ? 'edit.failed' : 'run.failed')} error={toBerthError(run.error)} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={invalid || limitsInvalid || run.isPending || (edit?.mode === 'apply' && editPlan(edit.container.form, editForm).path === 'none')}>
            {edit ? t(edit.mode === 'duplicate' ? 'edit.duplicate' : 'edit.apply') : t('run.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Field({ label, problem, children }: { label: string; problem: string | undefined; children: React.ReactNode }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      {children}
      {problem && <span className="field__problem">{problem}</span>}
    </label>
  );
}

/** nginx, nginx:latest and docker.io/library/nginx:latest are one image. */
function sameImage(tag: string, typed: string): boolean {
  const a = parseImageReference(tag);
  const b = parseImageReference(typed);
  return a.ok && b.ok && a.reference.normalized === b.reference.normalized;
}

/** Pulls a missing image before running it, reporting progress as one line. */
function pullFirst(reference: string, report: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const subscription = berth.images.pull.subscribe(
      { reference },
      {
        onData(event: PullEvent) {
          if (event.kind === 'done') {
            subscription.unsubscribe();
            resolve();
            return;
          }
          const total = event.layers.reduce((n, l) => n + (l.total ?? 0), 0);
          const current = event.layers.reduce((n, l) => n + Math.min(l.current ?? 0, l.total ?? 0), 0);
          report(`Pulling ${reference}: ${event.layers.length} layers, ${total ? Math.round((current / total) * 100) : 0}%`);
        },
        onError: reject,
      },
    );
  });
}
