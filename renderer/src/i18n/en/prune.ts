export const prune = {
  title: 'Prune images',
  which: 'Which images',
  dangling: 'Dangling images only (no tag, not used; images pulled by digest only count too)',
  unused: 'Every image no container uses',
  willDelete_one: 'This deletes {{count}} image and frees up to {{size}}:',
  willDelete_other: 'This deletes {{count}} images and frees up to {{size}}:',
  nothing: 'Nothing to prune.',
  list: 'Images to delete',
  submit_one: 'Delete {{count}} image',
  submit_other: 'Delete {{count}} images',
  deleted_one: 'Deleted {{count}} image.',
  deleted_other: 'Deleted {{count}} images.',
} as const;
