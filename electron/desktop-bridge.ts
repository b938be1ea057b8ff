import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { finished } from 'node:stream/promises';
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { archiveFileName } from '../engine/contract/cli.js';
import { desktopChannels, type Chosen, type DesktopResult } from '../engine/contract/desktop.js';
import { BerthError, type BerthErrorShape } from '../engine/contract/errors.js';
import { firstInputProblem, inputRefusal, inputRefusalError, issueProblem } from '../engine/contract/input-problems.js';
import { containerRef, fileName, filePath, imageImportInput, imageSaveNames, volumeName, volumeRef } from '../engine/contract/schemas.js';
import type { EngineApi } from '../engine/contract/service.js';
import { transferId, type TransferReporter } from '../engine/contract/transfer.js';
import { maxUploadBytes, uploadTooLarge } from '../engine/server/downloads.js';
import { withFileStream } from '../engine/shared/read-file-stream.js';

/**
 * The desktop-only calls (engine/contract/desktop.ts): bytes between the engine and a file the person
 * picks in the system dialog, streamed here in main so they never pass through the renderer. The web
 * host serves the same bytes over HTTP (engine/server/downloads.ts).
 */

/** A volume's name or a container's id, checked by the rule of its kind. */
const fileSource = z
  .object({ kind: z.enum(['volume', 'container']), target: z.string() })
  .superRefine(({ kind, target }, ctx) => {
    // The target's own problem, key and params kept, so the renderer words it (input-problems.ts).
    const found = firstInputProblem(kind === 'container' ? containerRef : volumeRef, target);
    if (found) ctx.addIssue({ code: 'custom', message: found.message, path: ['target'], params: { ...found.params, problem: found.key } });
  });

const saveFileInput = z.intersection(fileSource, z.object({ path: filePath, as: z.enum(['file', 'folder']) }));
const uploadFilesInput = z.intersection(fileSource, z.object({ folder: filePath }));
const exportVolumeInput = z.object({ volume: volumeRef, transfer: transferId });
const importVolumeInput = z.object({ volume: volumeName, transfer: transferId });
const saveImagesInput = z.object({ names: imageSaveNames, transfer: transferId });
const exportContainerInput = z.object({ container: containerRef, transfer: transferId });
const loadImagesInput = z.object({ transfer: transferId });
const importImageInput = imageImportInput.extend({ transfer: transferId });
const tarFilter = [{ name: 'Archives', extensions: ['tar'] }];
// docker load and docker import also take a compressed tar (docker save | gzip).
const tarOrCompressedFilter = [{ name: 'Archives', extensions: ['tar', 'gz', 'tgz'] }];

/** A BerthError as it is; anything else is a file on this computer failing, the system's words quoted. */
function errorShape(error: unknown): BerthErrorShape {
  if (error instanceof BerthError) return error.toShape();
  const said = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: said, hint: 'Try again; if it keeps happening, the engine log may say more.', reason: 'localFileFailed', engineText: said };
}

/** Writes into a new file at `path`; a write that fails leaves no partial file behind. */
async function writeFileFrom(path: string, write: (sink: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  const file = createWriteStream(path);
  try {
    await write(file);
    file.end();
    await finished(file);
  } catch (e) {
    file.destroy();
    await rm(path, { force: true });
    throw e;
  }
}

export function handleDesktopCalls(window: BrowserWindow, engine: EngineApi, isOwnPage: (url: string) => boolean): void {
  /** One call: only from Berth's own page, input checked by its schema, every failure a structured error. */
  function handle<S extends z.ZodType, T>(channel: string, schema: S, work: (input: z.output<S>) => Promise<T>): void {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<DesktopResult<T>> => {
      if (!event.senderFrame || !isOwnPage(event.senderFrame.url)) throw new Error('Refused: not Berth’s own window.');
      const parsed = schema.safeParse(input);
      const issue = parsed.success ? undefined : parsed.error.issues[0];
      if (!parsed.success) return { ok: false, error: issue ? inputRefusal(issueProblem(issue)) : { code: 'INVALID_INPUT', message: 'That request is not valid.' } };
      try {
        return { ok: true, value: await work(parsed.data) };
      } catch (e) {
        return { ok: false, error: errorShape(e) };
      }
    });
  }

  async function saveAs(defaultPath: string, write: (sink: NodeJS.WritableStream) => Promise<void>): Promise<Chosen<{ path: string }>> {
    const { canceled, filePath: path } = await dialog.showSaveDialog(window, { defaultPath });
    if (canceled || !path) return { chosen: false };
    await writeFileFrom(path, write);
    return { chosen: true, path };
  }

  handle(desktopChannels.saveLogs, containerRef, async (id) => saveAs(await engine.logs.fileName(id), (sink) => engine.logs.download(id, sink)));

  handle(desktopChannels.saveFile, saveFileInput, ({ kind, target, path, as }) => {
    const base = path.split('/').filter(Boolean).at(-1) ?? target;
    return saveAs(as === 'folder' ? `${base}.tar` : base, (sink) =>
      kind === 'container' ? engine.containers.downloadFile(target, path, as, sink) : engine.volumes.download(target, path, as, sink),
    );
  });

  handle(desktopChannels.uploadFiles, uploadFilesInput, async ({ kind, target, folder }) => {
    const { canceled, filePaths } = await dialog.showOpenDialog(window, { properties: ['openFile', 'multiSelections'] });
    if (canceled || filePaths.length === 0) return { chosen: false };
    const names: string[] = [];
    for (const path of filePaths) {
      const name = basename(path);
      const problem = firstInputProblem(fileName, name);
      if (problem) throw inputRefusalError({ ...problem, params: { ...problem.params, name }, message: `${name}: ${problem.message}` });
      const { size } = await stat(path);
      if (size > maxUploadBytes) throw uploadTooLarge(name);
      await withFileStream(path, (bytes) =>
        kind === 'container' ? engine.containers.uploadFile(target, folder, name, { size, bytes }) : engine.volumes.upload(target, folder, name, { size, bytes }),
      );
      names.push(name);
    }
    return { chosen: true, names };
  });

  handle(desktopChannels.exportVolume, exportVolumeInput, async ({ volume, transfer }) => {
    const { canceled, filePath: path } = await dialog.showSaveDialog(window, { defaultPath: `${volume}.tar.gz` });
    if (canceled || !path) return { chosen: false };
    await engine.transfers.track(transfer, (progress) => writeFileFrom(path, (sink) => engine.volumes.exportTo(volume, sink, progress)));
    return { chosen: true, path };
  });

  handle(desktopChannels.importVolume, importVolumeInput, async ({ volume, transfer }) => {
    const { canceled, filePaths } = await dialog.showOpenDialog(window, {
      properties: ['openFile'],
      filters: [{ name: 'Archives', extensions: ['tar', 'gz', 'tgz'] }],
    });
    const path = filePaths[0];
    if (canceled || !path) return { chosen: false };
    const { size } = await stat(path);
    await engine.transfers.track(transfer, (progress) => withFileStream(path, (archive) => engine.volumes.importFrom(volume, archive, progress)), size);
    return { chosen: true, path };
  });

  handle(desktopChannels.saveImages, saveImagesInput, async ({ names, transfer }) => {
    const { canceled, filePath: path } = await dialog.showSaveDialog(window, { defaultPath: archiveFileName(names[0] ?? 'images', '.tar'), filters: tarFilter });
    if (canceled || !path) return { chosen: false };
    await engine.transfers.track(transfer, (progress) => writeFileFrom(path, (sink) => engine.images.saveTo(names, sink, progress)));
    return { chosen: true, path };
  });

  handle(desktopChannels.exportContainer, exportContainerInput, async ({ container, transfer }) => {
    const { canceled, filePath: path } = await dialog.showSaveDialog(window, { defaultPath: archiveFileName(container, '.tar'), filters: tarFilter });
    if (canceled || !path) return { chosen: false };
    await engine.transfers.track(transfer, (progress) => writeFileFrom(path, (sink) => engine.containers.exportTo(container, sink, progress)));
    return { chosen: true, path };
  });

  /** The one .tar the person picks, streamed into `use` with its size as the transfer's total. */
  async function fromChosenTar<T>(transfer: string, use: (archive: NodeJS.ReadableStream, progress: TransferReporter | undefined) => Promise<T>): Promise<Chosen<T>> {
    const { canceled, filePaths } = await dialog.showOpenDialog(window, { properties: ['openFile'], filters: tarOrCompressedFilter });
    const path = filePaths[0];
    if (canceled || !path) return { chosen: false };
    const { size } = await stat(path);
    const value = await engine.transfers.track(transfer, (progress) => withFileStream(path, (archive) => use(archive, progress)), size);
    return { chosen: true, ...value };
  }

  handle(desktopChannels.loadImages, loadImagesInput, ({ transfer }) => fromChosenTar(transfer, (archive, progress) => engine.images.loadFrom(archive, progress)));

  handle(desktopChannels.importImage, importImageInput, ({ transfer, ...input }) =>
    fromChosenTar(transfer, (archive, progress) => engine.images.importFrom(archive, input, progress)),
  );
}
