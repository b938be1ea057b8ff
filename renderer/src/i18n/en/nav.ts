export const nav = {
  label: 'Sections',
  containers: 'Containers',
  images: 'Images',
  volumes: 'Volumes',
  networks: 'Networks',
  swarm: 'Swarm',
  engine: 'Engine',
} as const;
