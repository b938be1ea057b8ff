import type { MenuItemConstructorOptions } from 'electron';

// The main process has no i18next; the menu's few words follow the system language, as the tray's do.
const labels = {
  en: { file: 'File', edit: 'Edit', view: 'View', window: 'Window', developer: 'Developer' },
  ko: { file: '파일', edit: '편집', view: '보기', window: '창', developer: '개발자' },
} as const;

/**
 * Berth's application menu as data (Electron's roles do the work and name themselves in the system
 * language). A packaged Berth offers no Reload and no developer tools: a reload drops every
 * subscription mid-stream, and the tools would let anyone at the keyboard run code with the page's
 * reach to the engine. A development build keeps them under "Developer".
 */
export function appMenuTemplate(options: { packaged: boolean; platform: NodeJS.Platform; language: keyof typeof labels }): MenuItemConstructorOptions[] {
  const l = labels[options.language];
  const mac = options.platform === 'darwin';
  return [
    ...(mac
      ? [{ role: 'appMenu' as const, submenu: [{ role: 'about' as const }, { type: 'separator' as const }, { role: 'services' as const }, { type: 'separator' as const }, { role: 'hide' as const }, { role: 'hideOthers' as const }, { role: 'unhide' as const }, { type: 'separator' as const }, { role: 'quit' as const }] }]
      : [{ label: l.file, submenu: [{ role: 'quit' as const }] }]),
    {
      label: l.edit,
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: l.view,
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: l.window, submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] },
    ...(options.packaged ? [] : [{ label: l.developer, submenu: [{ role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }] }]),
  ];
}

/** Every role in a menu template, however deep, for checking what a menu offers. */
export function menuRoles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? menuRoles(item.submenu) : []),
  ]);
}
