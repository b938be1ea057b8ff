/**
 * The seam between the events stream and kept shells: engine-sync forgets a removed container's
 * shells through here without importing xterm (which would put it in the first screen's bundle,
 * issue 17). shell-sessions.ts registers itself when it loads; before that there are no shells.
 */
let forget: ((containerIds: readonly string[]) => void) | undefined;

export function onForgetShellSessions(handler: (containerIds: readonly string[]) => void): void {
  forget = handler;
}

export function forgetShellSessions(containerIds: readonly string[]): void {
  forget?.(containerIds);
}
