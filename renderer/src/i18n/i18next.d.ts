import 'i18next';
import type { en } from './en';

/**
 * Typed t() keys: i18next checks every literal key against the English catalog, so a missing or
 * misspelt key fails `npm run typecheck` (i18next's CustomTypeOptions). Keys built at run time go
 * through the typed helpers in ./keys.ts.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
