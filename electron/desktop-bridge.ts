import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { containerRef } from '../engine/contract/schemas.js';
import type { EngineApi } from '../engine/contract/service.js';

/** The one desktop-only call: save a container's log to a file the person picks (the web host serves it as a download). */
export const saveLogsChannel = 'berth:save-logs';

export function handleDesktopCalls(window: BrowserWindow, engine: EngineApi, isOwnPage: (url: string) => boolean): void {
  ipcMain.handle(saveLogsChannel, async (event: IpcMainInvokeEvent, id: unknown) => {
    if (!event.senderFrame || !isOwnPage(event.senderFrame.url)) throw new Error('Refused: not Berth’s own window.');
    const parsed = containerRef.safeParse(id);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'Not a container.');
    const { canceled, filePath } = await dialog.showSaveDialog(window, { defaultPath: await engine.logs.fileName(parsed.data) });
    if (canceled || !filePath) return { saved: false };
    // Straight from the engine to the file: the bytes never pass through the renderer.
    const file = createWriteStream(filePath);
    await engine.logs.download(parsed.data, file);
    file.end();
    await finished(file);
    return { saved: true, path: filePath };
  });
}
