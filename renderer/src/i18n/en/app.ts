export const app = {
  name: 'Berth',
  language: 'Language',
} as const;
