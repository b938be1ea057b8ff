export const app = {
  name: 'Berth',
  language: 'Language',
  viewFailed: 'This part of Berth could not be shown.',
  viewFailedHint: 'Reload the window to try again; your containers are not affected.',
  reload: 'Reload',
} as const;
