// @ts-check
import { fmt } from './dom.js';
import { t } from './i18n.js';
import { s } from './svg.js';

/** Colour-blind-safe (Okabe-Ito) colours and dashes of a campaign's players. */
export const playerLooks = /** @type {Record<string, {colour: string, dash: string}>} */ ({
  you: { colour: '#0072B2', dash: '' },
  'model (UCB)': { colour: '#D55E00', dash: '6 3' },
  'model (greedy)': { colour: '#9A6A00', dash: '2 3' },
  random: { colour: '#666666', dash: '1 4' },
});

/** Catalog keys of the players' names as the API gives them. */
const playerKeys = /** @type {Record<string, string>} */ ({ you: 'player.you', 'model (UCB)': 'player.ucb', 'model (greedy)': 'player.greedy', random: 'player.random' });

/** A player's name in the page's language (a name the catalog lacks, e.g. a student's, as given). @param {string} name */
export function playerName(name) {
  return playerKeys[name] ? t(playerKeys[name]) : name;
}

/**
 * Discovery curves: best value (or actives) found after each round, one line per player, with the
 * library's best as a dotted line when known and the names at the right.
 * @param {{rounds: number, binary: boolean, libraryBest?: number | null, label: string,
 *   series: {name: string, progress: number[], colour: string, dash?: string, width?: number, legend?: boolean}[]}} chart
 * @returns {SVGElement}
 */
export function discoveryChart(chart) {
  const all = chart.series.flatMap((p) => p.progress);
  const best = chart.libraryBest ?? null;
  if (best !== null) all.push(best);
  const low = chart.binary ? 0 : Math.min(...all), high = Math.max(...all, chart.binary ? 1 : low + 0.1);
  const width = 480, height = 260, left = 48, right = 120, top = 12, bottom = 36;
  const x = (/** @type {number} */ r) => left + ((width - left - right) * (r - 1)) / Math.max(1, chart.rounds - 1);
  const y = (/** @type {number} */ v) => top + ((height - top - bottom) * (high - v)) / (high - low);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'curves', 'aria-label': chart.label });
  for (let r = 1; r <= chart.rounds; r++) svg.append(s('text', { x: x(r), y: height - 18, 'text-anchor': 'middle', 'font-size': 11 }, String(r)));
  svg.append(s('text', { x: left + (width - left - right) / 2, y: height - 4, 'text-anchor': 'middle', 'font-size': 11 }, t('curves.round')));
  for (const v of [low, high]) svg.append(s('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11 }, chart.binary ? String(v) : fmt(v, 2)));
  if (best !== null) {
    svg.append(s('line', { x1: left, x2: width - right, y1: y(best), y2: y(best), stroke: '#009E73', 'stroke-dasharray': '3 3' }),
      s('text', { x: left + 4, y: y(best) - 4, 'font-size': 11, fill: '#00563f' }, t('curves.libraryBest')));
  }
  let legend = 0;
  for (const p of chart.series) {
    const points = p.progress.map((v, r) => `${x(r + 1)},${y(v)}`).join(' ');
    svg.append(s('polyline', { points, fill: 'none', stroke: p.colour, 'stroke-width': p.width ?? 2, 'stroke-dasharray': p.dash ?? '', 'data-player': p.name }));
    if (p.legend !== false) svg.append(s('text', { x: width - right + 4, y: 24 + legend++ * 16, 'font-size': 11, fill: p.colour }, playerName(p.name)));
  }
  return svg;
}
