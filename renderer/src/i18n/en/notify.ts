export const notify = {
  nativeFailed: 'Berth’s own engine did not start',
  nativeReady: 'Berth’s own engine is running',
  pulled: 'Pull finished',
  pullFailed: 'Pull failed',
  built: 'Build finished',
  buildFailed: 'Build failed',
  vmReady: 'Berth’s virtual machine is running',
  vmFailed: 'Berth’s virtual machine did not start',
} as const;
