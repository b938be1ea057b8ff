export const appearance = {
  theme: 'Theme',
  themes: {
    system: 'As the system',
    light: 'Light',
    dark: 'Dark',
    'high-contrast': 'High contrast',
  },
} as const;
