// @ts-check
/**
 * The page's languages: a catalog of strings per language (strings-en.js is the source; es and ar
 * translate every key, which a test checks), the reader's choice kept in the browser, the class's
 * default language, then the browser's. Numbers are formatted by the language's conventions (Intl),
 * and a right-to-left language turns the whole page (dir="rtl"; the styles use logical properties).
 */
import ar from './strings-ar.js';
import en from './strings-en.js';
import es from './strings-es.js';

/** @typedef {'en' | 'es' | 'ar'} Language */

/** The languages offered, each named in itself. */
export const languages = /** @type {{code: Language, name: string}[]} */ ([
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'ar', name: 'العربية' },
]);

/** @type {Record<Language, Record<string, string>>} */
const catalogs = { en, es, ar };
const rightToLeft = new Set(['ar']);
const choiceKey = 'mededu.language';
/** The class's default, set when a student joins (the instructor chose it). */
let classDefault = /** @type {Language | null} */ (null);

/** @param {string | null | undefined} code @returns {Language | null} */
function supported(code) {
  const base = (code ?? '').toLowerCase().split('-')[0];
  return base === 'en' || base === 'es' || base === 'ar' ? base : null;
}

/** The language the page speaks: the reader's choice, else the class's default (where its instructor chose one), else the browser's first supported one, else English. */
export function language() {
  return supported(localStorage.getItem(choiceKey)) ?? classDefault
    ?? navigator.languages.map(supported).find((l) => l !== null) ?? 'en';
}

/** The reader chooses a language (kept in this browser). @param {string} code */
export function chooseLanguage(code) {
  const l = supported(code);
  if (l) localStorage.setItem(choiceKey, l);
  apply();
}

/** The class's default language (from joining), used when the reader chose none. @param {string | null | undefined} code */
export function setClassLanguage(code) {
  classDefault = supported(code);
  apply();
}

/** Sets the document's language and direction. */
export function apply() {
  const l = language();
  document.documentElement.lang = l;
  document.documentElement.dir = rightToLeft.has(l) ? 'rtl' : 'ltr';
}

/**
 * The string <paramref name="key"/> in the page's language with {name} placeholders filled in
 * (numbers formatted by the language); English when a catalog lacks the key (the catalog test fails then).
 * @param {string} key
 * @param {Record<string, string | number>} [values]
 */
export function t(key, values = {}) {
  const l = language();
  const template = catalogs[l][key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => {
    const v = values[name];
    return v === undefined ? `{${name}}` : typeof v === 'number' ? number(v) : v;
  });
}

/** A count's word: the key's ".one" form for 1, else ".other" (the catalogs give both). @param {string} key @param {number} n @param {Record<string, string | number>} [values] */
export function plural(key, n, values = {}) {
  const rule = new Intl.PluralRules(language()).select(n);
  return t(`${key}.${rule === 'one' ? 'one' : 'other'}`, { n, ...values });
}

/**
 * A number in the page's language (digits and separators by Intl), with a fixed number of decimals.
 * @param {number | string | null | undefined} value @param {number} [digits] decimals; undefined: as many as the value has, up to 3
 */
export function number(value, digits) {
  if (value === null || value === undefined || value === '') return '—';
  const options = digits === undefined ? { maximumFractionDigits: 3 } : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(language(), options).format(Number(value));
}

/** A share (0..1) as a percentage in the page's language. @param {number | string} value */
export function percent(value) {
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 0 }).format(Number(value));
}

/** A date and time in the page's language. @param {string | Date} value */
export function dateTime(value) {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** Every catalog, for the catalog test and the language picker. */
export const allCatalogs = catalogs;
