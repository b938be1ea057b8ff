import type { DesktopBridge, DesktopResult } from '../../../engine/contract/desktop';
import { BerthError } from '../../../engine/contract/errors';

/** What the desktop shell's preload exposes (electron/preload.ts); absent in a browser. */
const bridge = (globalThis as { berthDesktop?: DesktopBridge }).berthDesktop;

async function unwrap<T>(call: Promise<DesktopResult<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) {
    // Keep the reason and params, so the catalogs word it (not the main process's English message).
    const { code, message, hint, reason, params, engineText } = result.error;
    throw new BerthError(code, message, hint, reason ? { reason, ...(params ? { params } : {}), ...(engineText ? { engineText } : {}) } : undefined);
  }
  return result.value;
}

type Answer<F> = F extends (...args: never[]) => Promise<DesktopResult<infer T>> ? T : never;

/**
 * Saving and opening files through the system's dialogs, with the bytes streamed in the desktop
 * shell's main process; undefined where there is no such shell, and the web host's HTTP downloads
 * and uploads serve instead. Callers ask whether the capability is here, never which shell they are in.
 */
export const desktopFiles = bridge && {
  saveLogs: (id: string): Promise<Answer<DesktopBridge['saveLogs']>> => unwrap(bridge.saveLogs(id)),
  saveFile: (input: Parameters<DesktopBridge['saveFile']>[0]): Promise<Answer<DesktopBridge['saveFile']>> => unwrap(bridge.saveFile(input)),
  uploadFiles: (input: Parameters<DesktopBridge['uploadFiles']>[0]): Promise<Answer<DesktopBridge['uploadFiles']>> => unwrap(bridge.uploadFiles(input)),
  exportVolume: (input: Parameters<DesktopBridge['exportVolume']>[0]): Promise<Answer<DesktopBridge['exportVolume']>> => unwrap(bridge.exportVolume(input)),
  importVolume: (input: Parameters<DesktopBridge['importVolume']>[0]): Promise<Answer<DesktopBridge['importVolume']>> => unwrap(bridge.importVolume(input)),
  saveImages: (input: Parameters<DesktopBridge['saveImages']>[0]): Promise<Answer<DesktopBridge['saveImages']>> => unwrap(bridge.saveImages(input)),
  exportContainer: (input: Parameters<DesktopBridge['exportContainer']>[0]): Promise<Answer<DesktopBridge['exportContainer']>> => unwrap(bridge.exportContainer(input)),
  loadImages: (input: Parameters<DesktopBridge['loadImages']>[0]): Promise<Answer<DesktopBridge['loadImages']>> => unwrap(bridge.loadImages(input)),
  importImage: (input: Parameters<DesktopBridge['importImage']>[0]): Promise<Answer<DesktopBridge['importImage']>> => unwrap(bridge.importImage(input)),
};

export type DesktopFiles = NonNullable<typeof desktopFiles>;
