import type Docker from 'dockerode';
import { stat } from 'node:fs/promises';
import {
  composeArgv,
  composeLabels,
  defaultProjectName,
  folderOf,
  targetFromFiles,
  targetFromLabels,
  type ComposeFilesProblem,
  type ComposeProject,
  type ComposeProjectService,
  type ComposeSource,
  type ComposeTarget,
  type ComposeTool,
} from '../contract/compose-cli.js';
import { BerthError } from '../contract/errors.js';
import type { ComposeCliApi } from '../contract/service.js';
import { engineCall } from '../docker/bulk.js';
import { leaseCliEngine, type CliEngine } from './cli-engine.js';
import { composeEnv, composeOutput, runCompose } from './run.js';
import { detectCompose } from './tool.js';


/** How long a found Compose is trusted before looking again (one installed meanwhile is found on the next look). */
const toolCacheMs = 30_000;
const missingCacheMs = 5_000;

const problemWords: Record<ComposeFilesProblem['reason'], string> = {
  composeFolderMissing: 'The project’s folder is gone',
  composeFileMissing: 'A Compose file of the project is gone',
  composeEnvFileMissing: 'An env file of the project is gone',
  composeNoFiles: 'The project’s containers do not say which files started it',
};

/** The first path of the target that is not there: the folder, then each file, then each env file. */
export async function filesProblem(target: ComposeTarget): Promise<ComposeFilesProblem | undefined> {
  if (target.files.length === 0) return { reason: 'composeNoFiles', path: target.projectDirectory ?? '' };
  const is = async (path: string, kind: 'file' | 'folder') => {
    try {
      const s = await stat(path);
      return kind === 'file' ? s.isFile() : s.isDirectory();
    } catch {
      return false;
    }
  };
  if (target.projectDirectory && !(await is(target.projectDirectory, 'folder'))) return { reason: 'composeFolderMissing', path: target.projectDirectory };
  for (const file of target.files) if (!(await is(file, 'file'))) return { reason: 'composeFileMissing', path: file };
  for (const file of target.envFiles) if (!(await is(file, 'file'))) return { reason: 'composeEnvFileMissing', path: file };
  return undefined;
}

function problemError(problem: ComposeFilesProblem): BerthError {
  return new BerthError('NOT_FOUND', `${problemWords[problem.reason]}: ${problem.path}`, 'Start, stop and remove still work; open the project from its files again to run Compose on it.', {
    reason: problem.reason,
    params: { path: problem.path },
  });
}

/**
 * Compose through the CLI against `engine` (an address, or one with its TLS files or SSH tunnel:
 * each run gets the engine as cli-engine.ts#leaseCliEngine gives it, released when Compose ends),
 * reading projects from that engine's container labels with `docker`.
 */
export function createComposeCli(docker: Docker, engine: CliEngine | string, env: NodeJS.ProcessEnv = process.env): ComposeCliApi {
  const cliEngine: CliEngine = typeof engine === 'string' ? { url: engine } : engine;
  // One look at a time, shared by every caller (v1's `version` alone takes a second or more); a found
  // Compose is trusted for toolCacheMs, a missing one for a few seconds, so an install is noticed.
  let cached: { at: number; ttl: number; tool: Promise<ComposeTool> } | undefined;
  const tool = () => {
    if (cached && Date.now() - cached.at < cached.ttl) return cached.tool;
    const look = detectCompose(env);
    const entry = { at: Date.now(), ttl: toolCacheMs, tool: look };
    cached = entry;
    void look.then((found) => {
      if (!found.found) entry.ttl = missingCacheMs;
    });
    return look;
  };
  const foundTool = async () => {
    const found = await tool();
    if (!found.found) {
      throw new BerthError('NOT_FOUND', 'Neither `docker compose` nor `docker-compose` was found.', `Install it: ${found.installCommand}`, {
        reason: 'composeMissing',
        params: { program: 'docker compose', installCommand: found.installCommand },
      });
    }
    return found;
  };

  const project = async (name: string): Promise<ComposeProject> => {
    const rows = await engineCall(docker.listContainers({ all: true, filters: JSON.stringify({ label: [`${composeLabels.project}=${name}`] }) }));
    const own = rows.filter((c) => c.Labels?.[composeLabels.oneoff] !== 'True');
    if (own.length === 0) {
      throw new BerthError('NOT_FOUND', `No containers of the Compose project ${name} are left.`, undefined, { reason: 'composeProjectMissing', params: { project: name } });
    }
    // The newest container carries the files of the latest `up`.
    const newest = [...own].sort((a, b) => b.Created - a.Created)[0]!;
    const target = targetFromLabels(newest.Labels)!;
    const services = new Map<string, ComposeProjectService>();
    for (const c of own) {
      const service = c.Labels[composeLabels.service] ?? '';
      const entry = services.get(service) ?? { name: service, containers: [] };
      const number = Number(c.Labels[composeLabels.number]);
      entry.containers.push({
        id: c.Id,
        name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
        state: c.State,
        ...(Number.isInteger(number) ? { number } : {}),
      });
      services.set(service, entry);
    }
    for (const s of services.values()) s.containers.sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    const problem = await filesProblem(target);
    return {
      name,
      target,
      services: [...services.values()].sort((a, b) => a.name.localeCompare(b.name)),
      ...(problem ? { filesProblem: problem } : {}),
    };
  };

  /** The target to run Compose on: a project's from its labels (refused when its files are gone), or opened files. */
  const targetOf = async (source: ComposeSource): Promise<ComposeTarget> => {
    if (source.kind === 'project') {
      const found = await project(source.name);
      if (found.filesProblem) throw problemError(found.filesProblem);
      return found.target;
    }
    const target = targetFromFiles(source);
    const problem = await filesProblem(target);
    if (problem) throw problemError(problem);
    return target;
  };

  /** The project an opened file's `up` made: the newest container whose folder label is the first file's folder. */
  const projectMadeFrom = async (folder: string): Promise<string> => {
    const rows = await engineCall(docker.listContainers({ all: true, filters: JSON.stringify({ label: [`${composeLabels.workingDir}=${folder}`] }) }));
    const newest = [...rows].sort((a, b) => b.Created - a.Created)[0];
    return newest?.Labels[composeLabels.project] ?? defaultProjectName(folder);
  };

  return {
    tool,
    project,
    async services(source, signal) {
      const target = await targetOf(source);
      const { command } = await foundTool();
      const lease = await leaseCliEngine(cliEngine, env);
      const out = await composeOutput(composeArgv(command, target, 'services'), {
        env: composeEnv(lease.vars, env),
        cwd: target.projectDirectory ?? folderOf(target.files[0]!),
        ...(signal ? { signal } : {}),
      }).finally(lease.release);
      return out
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    },
    async *run(input, signal) {
      const target = await targetOf(input.source);
      const { command } = await foundTool();
      const argv = composeArgv(command, target, input.action, input.service);
      yield { kind: 'command', argv };
      const cwd = target.projectDirectory ?? folderOf(target.files[0]!);
      const lease = await leaseCliEngine(cliEngine, env);
      try {
        for await (const text of runCompose(argv, { env: composeEnv(lease.vars, env), cwd, ...(signal ? { signal } : {}) })) {
          yield { kind: 'output', text };
        }
      } finally {
        await lease.release();
      }
      if (signal?.aborted) return;
      const name = target.projectName ?? (input.action === 'up' ? await projectMadeFrom(cwd) : undefined);
      yield { kind: 'done', ...(name ? { project: name } : {}) };
    },
  };
}
