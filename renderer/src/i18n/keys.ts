import type { i18n as I18n, TFunction } from 'i18next';
import type { en } from './en';

/** Every leaf of the English catalog as a dotted key, e.g. 'problems.port.hostPort'. */
type Paths<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}` }[keyof T & string];
/** A plural's base key ('x' for 'x_one' / 'x_other'), as i18next asks for it with `{ count }`. */
type Plural<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;

/** A key the catalogs hold, checked by the compiler. */
export type CatalogKey = Plural<Paths<typeof en>> | Paths<typeof en>;

/**
 * Words a key built at run time from a known union (an error reason, a problem code, a status word):
 * the key is checked against the catalog by the compiler; its values are not checked per key, since
 * a union of keys has a union of placeholders (i18next's own typing would ask for all of them at once).
 */
export function tKnown(t: TFunction, key: CatalogKey, values?: Record<string, unknown>): string {
  return (t as unknown as (key: string, values?: Record<string, unknown>) => string)(key, values);
}

/**
 * Words a key that arrived from the other side (an error's `reason`, a problem's code) when the
 * catalog holds it, else undefined. The one place a key only known at run time reaches i18next.
 */
export function tIfExists(i18n: Pick<I18n, 't' | 'exists'>, key: string, values?: Record<string, unknown>): string | undefined {
  if (!i18n.exists(key)) return undefined;
  return (i18n.t as unknown as (key: string, values?: Record<string, unknown>) => string)(key, values);
}
