/** Berth's own log and the diagnostics report, in the Engine view (issue 17). */
export const berthLog = {
  title: 'Berth’s log',
  intro: 'What Berth itself noted: errors it caught, engines it chose. Passwords, tokens and environment values are never written.',
  show: 'Show the last lines',
  hide: 'Hide the log',
  refresh: 'Refresh',
  folder: 'Log folder: {{folder}}',
  noLog: 'Berth is not writing a log in this session.',
  empty: 'Nothing logged yet.',
  linesLabel: 'Last lines of Berth’s log',
  copy: 'Copy diagnostics',
  copyHint: 'Versions, engine facts and the last 200 log lines, for a bug report.',
  copied: 'Diagnostics copied to the clipboard.',
  copyFailed: 'The clipboard refused the text; it is shown below to copy by hand.',
  reportLabel: 'Diagnostics report',
} as const;
