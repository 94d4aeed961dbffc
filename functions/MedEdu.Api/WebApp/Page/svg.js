// @ts-check
/** SVG built from elements, never from markup strings (the page's charts and maps). */

const svgNs = 'http://www.w3.org/2000/svg';

/**
 * An SVG element.
 * @param {string} tag
 * @param {Record<string, string | number | EventListener>} [attributes] functions become event listeners ("onclick")
 * @param {...(Node | string)} children
 * @returns {SVGElement}
 */
export function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, String(value));
  }
  for (const child of children) element.append(child);
  return /** @type {SVGElement} */ (element);
}
