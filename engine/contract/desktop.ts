import type { BerthErrorShape } from './errors.js';

/**
 * The desktop shell's own calls, beside the contract: bytes between the engine and a file the person
 * picks in the system's save or open dialog (the web host serves the same bytes over HTTP). Main
 * (electron/desktop-bridge.ts), the preload and the renderer (renderer/src/rpc/desktop.ts) all use
 * these names and types. Type-only imports: the preload bundles this file.
 */
export const desktopChannels = {
  saveLogs: 'berth:save-logs',
  saveFile: 'berth:save-file',
  uploadFiles: 'berth:upload-files',
  exportVolume: 'berth:export-volume',
  importVolume: 'berth:import-volume',
  saveImages: 'berth:save-images',
  exportContainer: 'berth:export-container',
  loadImages: 'berth:load-images',
  importImage: 'berth:import-image',
} as const;

/** A file or folder of a volume or a container, as the web host's /download/(volume|container) names it. */
export interface FileTarget {
  kind: 'volume' | 'container';
  /** The volume's name or the container's id. */
  target: string;
  path: string;
}

/** A call's answer, or the structured error: thrown errors would reach the page as "Error invoking remote method". */
export type DesktopResult<T> = { ok: true; value: T } | { ok: false; error: BerthErrorShape };

/** Nothing happened when the person closed the dialog without choosing. */
export type Chosen<T> = ({ chosen: true } & T) | { chosen: false };

export interface DesktopBridge {
  saveLogs(id: string): Promise<DesktopResult<Chosen<{ path: string }>>>;
  saveFile(input: FileTarget & { as: 'file' | 'folder' }): Promise<DesktopResult<Chosen<{ path: string }>>>;
  uploadFiles(input: Omit<FileTarget, 'path'> & { folder: string }): Promise<DesktopResult<Chosen<{ names: string[] }>>>;
  /** `transfer` is the id the page watches for progress (engine/contract/transfer.ts). */
  exportVolume(input: { volume: string; transfer: string }): Promise<DesktopResult<Chosen<{ path: string }>>>;
  importVolume(input: { volume: string; transfer: string }): Promise<DesktopResult<Chosen<{ path: string }>>>;
  /** docker save of these images (names or ids) into one .tar the person picks. */
  saveImages(input: { names: string[]; transfer: string }): Promise<DesktopResult<Chosen<{ path: string }>>>;
  /** docker export of the container's file system into a .tar the person picks. */
  exportContainer(input: { container: string; transfer: string }): Promise<DesktopResult<Chosen<{ path: string }>>>;
  /** docker load of a .tar the person picks: what the engine said it loaded (names, or ids of untagged images). */
  loadImages(input: { transfer: string }): Promise<DesktopResult<Chosen<{ loaded: string[] }>>>;
  /** docker import of a file system tar the person picks: the new image's id. */
  importImage(input: { reference: string; message: string; changes: string[]; transfer: string }): Promise<DesktopResult<Chosen<{ id: string }>>>;
}
