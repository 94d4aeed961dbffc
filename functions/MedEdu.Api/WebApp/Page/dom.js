// @ts-check
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

/** @param {number | null | undefined} value @param {number} [digits] */
export function fmt(value, digits = 1) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(digits);
}

/** Human words for the exercise kinds. */
export const kindNames = /** @type {Record<string, string>} */ ({
  SimilarityHunt: 'Similarity hunt',
  PropertyRanking: 'Property ranking',
  VirtualScreen: 'Virtual screen',
  RuleCheck: 'Rule check',
  Classify: 'Classification',
  MatchedPair: 'Matched pairs',
  ActivityCliff: 'Activity cliff',
  ScaffoldHop: 'Scaffold hop',
  Campaign: 'Discovery campaign',
});
