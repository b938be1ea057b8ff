export const nav = {
  label: 'Sections',
  containers: 'Containers',
  images: 'Images',
  volumes: 'Volumes',
  networks: 'Networks',
  engine: 'Engine',
} as const;
