// @ts-check
import { number, t } from './i18n.js';

/** Small DOM helpers: elements are built with text nodes, never from HTML strings, so data cannot inject markup. */

/**
 * Creates an element.
 * @param {string} tag
 * @param {Record<string, string | number | boolean | EventListener | undefined>} [attributes] attributes; functions become event listeners ("onclick")
 * @param {...(Node | string | number | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/**
 * Replaces the page's main content and moves focus to its first heading (screen readers hear the new view).
 * @param {...(Node | null)} nodes null entries are skipped
 */
export function show(...nodes) {
  const main = /** @type {HTMLElement} */ (document.getElementById('main'));
  main.replaceChildren(.../** @type {Node[]} */ (nodes.filter((n) => n !== null)));
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    /** @type {HTMLElement} */ (heading).focus();
  }
}

/**
 * Announces a message in the polite live region.
 * @param {string} text
 * @param {'info' | 'error'} [kind]
 */
export function announce(text, kind = 'info') {
  const status = /** @type {HTMLElement} */ (document.getElementById('status'));
  status.textContent = text;
  status.className = `status ${kind}`;
}

/** A number with a fixed number of decimals in the page's language ('—' for none). @param {number | null | undefined} value @param {number} [digits] */
export function fmt(value, digits = 1) {
  return number(value, digits);
}

/** The exercise kind in the page's language. @param {string} kind */
export function kindName(kind) {
  const key = `kind.${kind}`;
  const name = t(key);
  return name === key ? kind : name;
}
