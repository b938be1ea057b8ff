export const merged = {
  button: 'Merged logs',
  title_one: 'Logs of {{count}} container',
  title_other: 'Logs of {{count}} containers',
  output: 'Merged log output',
  linesNotShown_one: "{{count, number}} line not shown: download a container's log for all of it",
  linesNotShown_other: "{{count, number}} lines not shown: download a container's log for all of it",
} as const;
