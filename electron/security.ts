import { app, session, shell, type WebContents } from 'electron';

/**
 * The desktop shell's safety rules, in one place: nothing navigates away from Berth's own page, no
 * new windows (port links open in the person's browser instead), no permission is granted but
 * notifications to Berth's own page (a pull or an engine start that finishes while the window is
 * hidden says so), and only Berth's own page may speak the contract.
 */

/** http(s) to this machine only: the only links Berth renders are published-port links. */
export function isLoopbackHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)
    );
  } catch {
    return false;
  }
}

/** True when `url` is Berth's renderer page (any hash or query), never another file or site. */
export function isAppPage(url: string, appPageUrl: string): boolean {
  const withoutFragment = url.split('#')[0]!.split('?')[0];
  return withoutFragment === appPageUrl;
}

export function hardenSessions(appPageUrl: string): void {
  const allowed = (permission: string, requestingUrl: string | undefined) =>
    permission === 'notifications' && requestingUrl !== undefined && isAppPage(requestingUrl, appPageUrl);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, _origin, details) => allowed(permission, details.requestingUrl));
}

export function hardenWebContents(appPageUrl: string, options: { packaged: boolean }): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    // A packaged Berth has no developer tools (its menu offers none); should anything open them, shut them.
    if (options.packaged) contents.on('devtools-opened', () => contents.closeDevTools());
    contents.on('will-navigate', (event, url) => {
      if (!isAppPage(url, appPageUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppPage(url, appPageUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isLoopbackHttpUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
