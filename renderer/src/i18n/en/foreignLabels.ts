/** What the lists say about labels Compose (or Swarm) did not write but that claim it did. */
export const foreignLabels = {
  notComposeProject:
    'Compose could not have named a project “{{name}}”: its label was written by something else, so the project actions are off. Select its containers to act on them.',
} as const;
