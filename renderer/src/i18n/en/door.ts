export const door = {
  title: 'Berth needs a new address',
  tokenUsed: 'This address has already opened Berth once, and each address opens Berth only once. Restart Berth, or ask it for a new address (press Enter in the terminal where Berth runs, or run “npm run web:address”).',
  tokenUnknown: 'This address is not one this Berth gave out (it may be from before Berth restarted). Open the address Berth printed, restart Berth, or ask it for a new address (press Enter in the terminal where Berth runs, or run “npm run web:address”).',
  noLogin: 'Open the address Berth printed when it started: it carries a one-time key. If that address was already used, restart Berth or ask it for a new address (press Enter in the terminal where Berth runs, or run “npm run web:address”).',
  sessionUnknown: 'Berth restarted, so this page’s session has ended. Open the new address Berth printed, or ask it for a new one (press Enter in the terminal where Berth runs, or run “npm run web:address”).',
  downloadRefused: 'The download did not start: {{reason}}',
} as const;
