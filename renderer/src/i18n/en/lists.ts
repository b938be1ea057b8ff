/** Words the lists use when a cell holds more names than fit on one line. */
export const lists = {
  andMore_one: 'and {{count}} more',
  andMore_other: 'and {{count}} more',
  showMore_one: 'Show {{count}} more',
  showMore_other: 'Show {{count}} more',
  showFewer: 'Show fewer',
} as const;
