/** Links a program writes into a terminal (OSC 8): asked before opening, never Berth's own address. */
export const terminalLinks = {
  open: 'Open this address in a new tab?\n\n{{url}}\n\nA program in the container wrote this link: open it only if you trust it.',
  ownAddress: 'A program in the container wrote a link to Berth’s own address; Berth does not open it.\n\n{{url}}',
} as const;
