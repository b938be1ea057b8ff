/**
 * Errors that keep their meaning across the border: every failure that reaches the UI is a code a
 * program can branch on, a message a person can read, and (where we know one) a hint saying what
 * would make it work.
 */
export const errorCodes = [
  'ENGINE_UNAVAILABLE',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_INPUT',
  'NOT_RUNNING',
  'ENGINE_ERROR',
  'INTERNAL',
] as const;

export type BerthErrorCode = (typeof errorCodes)[number];

/** Values a catalog sentence is filled with: names, numbers, lists of names, text only the engine knows. */
export type BerthErrorParams = Record<string, string | number | readonly string[]>;

export interface BerthErrorShape {
  code: BerthErrorCode;
  /** English, for logs and for errors no catalog words yet. */
  message: string;
  hint?: string;
  /**
   * Which sentence the renderer's catalogs word this with (`errors.<reason>` and, where there is
   * one, `errors.<reason>Hint`), filled from `params`; `message` and `hint` are then only the
   * English for logs and other programs (renderer/src/ui/errorText.ts). Without a reason the
   * renderer shows `message` and `hint` as they came.
   */
  reason?: BerthErrorReason;
  params?: BerthErrorParams;
  /** What only the engine or a registry could say, shown quoted beside Berth's own words. */
  engineText?: string;
}

/** Refusals the renderer words in both catalogs (renderer/src/i18n: `errors.<reason>`). */
export const errorReasons = [
  'volumeDriverMissing',
  /** The container's logging driver keeps no logs the engine can read back (`none`, or a remote one with its local cache off): params `driver`; engineText the engine's words. */
  'logsNotKept',
  'hostAddressNotIp',
  'registryNotLoggedIn',
  'nameNotSendable',
  'unexpected',
  'dockerignorePattern',
  'imageUsedByRunning',
  'imageUsedByStopped',
  'imageHasTags',
  'registryLoginRequired',
  'registryPushLoginRequired',
  'registryImageMissing',
  'registryUnreachable',
  'shellContainerStopped',
  'shellContainerPaused',
  'shellContainerRestarting',
  'shellMissing',
  'networkInUse',
  /** A network removal refused while containers run on it; params `network`, `containers` (their names, the first few then '…'). */
  'networkInUseBy',
  'networkMissing',
  /** A start refused: the container's network was removed and a new one made under its name; params `network`, `container`. */
  'networkReplaced',
  'engineUnavailable',
  'enginePermissionDenied',
  /** A value a schema refused: params `problem` (catalog key under `problems.`), `field`, and its own params. */
  'inputProblem',
  'hostLinkLost',
  /** Berth's web host refused a download or upload (params: status, the HTTP status). */
  'hostRefused',
  'ownEngineGaveUp',
  'vmGaveUp',
  'vmRestarting',
  'transferNeverStarted',
  'localFileFailed',
  'engineNotFound',
  /** A TLS file of an engine cannot be read: params `path`. */
  'engineTlsFiles',
  /** The TLS handshake failed (wrong CA, a certificate the engine refuses): params `url`; engineText the system's words. */
  'engineTlsRefused',
  /** Plain tcp:// to another computer, not confirmed this time: params `url`. */
  'plainTcpNeedsConsent',
  /** An engine saved in Berth already has that name: params `name`. */
  'engineNameTaken',
  /** A docker context of that name exists and Berth did not write it: params `name`. */
  'contextNameTaken',
  /** The saved engine to edit or remove is not there: params `name`. */
  'savedEngineMissing',
  /** Writing or removing the docker context failed: params `name`; engineText the system's words. */
  'contextWriteFailed',
  'nameInUse',
  'containerNotRunning',
  'containerRunning',
  'containerPaused',
  'engineConflict',
  'engineRefusedInput',
  'engineFailed',
  'pullFailed',
  'pushFailed',
  'registryLoginRefused',
  /** A registry login check got no answer within Berth's deadline (params `server`, `seconds`). */
  'registryNoAnswer',
  /** dockerd's `/info` did not answer within Berth's wait (params `seconds`): a login's DNS lookup holds it, or the engine is frozen. */
  'engineInfoNoAnswer',
  'hostFolderMissing',
  /** A container could not start: its host port is held by another container or program (params `port` as address:port, `name` of the created container). */
  'hostPortTaken',
  'networkBuiltIn',
  'buildFolderMissing',
  'dockerfileMissing',
  'buildFolderUnreadable',
  'buildContextStopped',
  'buildFileChanged',
  'buildStepFailed',
  'buildFailed',
  'pathMissing',
  'pathUnreadable',
  'pathIsFolder',
  'downloadClosed',
  'exportClosed',
  'archiveRefused',
  'recreateAutoRemove',
  'notOfProject',
  'recreateExited',
  'recreateUnhealthy',
  'recreateNoVerdict',
  'volumeNotEmpty',
  'volumeExists',
  'volumeRootDelete',
  'noHelperImage',
  'deleteFailed',
  'volumeInUse',
  'terminalEnded',
  /** A shell's input refused: more than a bounded backlog already waits for a program that does not read it. */
  'terminalInputBacklog',
  'nativeEngineLinuxOnly',
  'transferRunning',
  'uploadTooLarge',
  'engineGone',
  'ownEngineDidNotStart',
  'ownEngineCouldNotStart',
  'dockerdMissing',
  'unsafeFolderSymlink',
  'unsafeFolderNotFolder',
  'unsafeFolderOwner',
  'unsafeFolderWritable',
  'vmArchUnsupported',
  'qemuMissing',
  'vmCouldNotStart',
  'vmStoppedWhileStarting',
  'vmStoppedBooting',
  'vmEngineFailed',
  'vmNoHostKey',
  'vmBootTimeout',
  'vmHostKeyChanged',
  'vmSshUnreachable',
  'vmDockerSilent',
  'vmLinkDropped',
  'vmLinkFailed',
  'vmImageChanged',
  'vmTooManyCpus',
  'vmTooMuchMemory',
  'vmDiskCannotShrink',
  'guestImageMissing',
  'guestImageManifest',
  'guestImageChecksum',
  'composeMissing',
  'composeFailed',
  'composeProjectMissing',
  'composeFolderMissing',
  'composeFileMissing',
  'composeEnvFileMissing',
  'composeNoFiles',
  /** An edit failed at params.step; the previous container params.name is back as it was. */
  'recreateRestored',
  /** An edit failed before the previous container was touched. */
  'recreateUntouched',
  /** An edit failed and so did putting the previous one back: it may sit under params.previous. */
  'recreateRollbackFailed',
  /** A registry's update check could not be done: params.image; the registry's words in engineText. */
  'updateCheckFailed',
  'sshHostKeyUnknown',
  'sshHostKeyChanged',
  'sshHostKeyRevoked',
  'sshAuthFailed',
  'sshHostKeyNotOffered',
  /** An ssh:// login failed while a key file wants its passphrase: params `user`, `host`, `key` (the file's path). */
  'sshKeyLocked',
  /** The passphrase given does not decrypt params `key`. */
  'sshKeyPassphraseWrong',
  /** params `key` is not a key file the engine's login is waiting to unlock (any more). */
  'sshKeyNotLocked',
  /** A Swarm call on an engine that is not a swarm manager: params `state` (docker info's LocalNodeState). */
  'swarmNotManager',
  /** Scale asked of a service that is not replicated: params `service`, `mode`. */
  'swarmNotReplicated',
  /** Roll back asked of a service with no previous spec: params `service`. */
  'swarmNoPreviousSpec',
  /** No service or network carries the stack's label: params `stack`. */
  'stackMissing',
  /** `docker stack deploy` failed: params `code`; engineText the CLI's last lines. */
  'stackDeployFailed',
  /** The docker CLI is not on the engine side's PATH: params `program`. */
  'dockerCliMissing',
] as const;
export type BerthErrorReason = (typeof errorReasons)[number];

export class BerthError extends Error implements BerthErrorShape {
  override readonly name = 'BerthError';
  readonly reason?: BerthErrorReason;
  readonly params?: BerthErrorParams;
  readonly engineText?: string;
  constructor(
    readonly code: BerthErrorCode,
    message: string,
    readonly hint?: string,
    worded?: { reason: BerthErrorReason; params?: BerthErrorParams; engineText?: string },
  ) {
    super(message);
    if (worded) {
      this.reason = worded.reason;
      if (worded.params) this.params = worded.params;
      if (worded.engineText) this.engineText = worded.engineText;
    }
  }

  toShape(): BerthErrorShape {
    const shape: BerthErrorShape = { code: this.code, message: this.message };
    if (this.hint !== undefined) shape.hint = this.hint;
    if (this.reason !== undefined) shape.reason = this.reason;
    if (this.params !== undefined) shape.params = this.params;
    if (this.engineText !== undefined) shape.engineText = this.engineText;
    return shape;
  }
}

/** Any thrown value as an error shape: a BerthError keeps its own; anything else gets `code` (and `hint`). */
export function toErrorShape(error: unknown, code: BerthErrorCode, hint?: string): BerthErrorShape {
  if (error instanceof BerthError) return error.toShape();
  const message = error instanceof Error ? error.message : String(error);
  return hint === undefined ? { code, message } : { code, message, hint };
}

export function isBerthErrorShape(value: unknown): value is BerthErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.message === 'string' &&
    typeof v.code === 'string' &&
    (errorCodes as readonly string[]).includes(v.code)
  );
}
