// @ts-check
import { ApiError, call, depictionUrl } from './api.js';
import { announce, fmt, h, show } from './dom.js';
import { discoveryChart, playerLooks } from './curves.js';
import { s } from './svg.js';

/** @typedef {import('./api-types').components['schemas']} Schemas */

/** Sort orders of the library table. */
const sorts = /** @type {Record<string, {label: string, key: (c: any) => number | string}>} */ ({
  name: { label: 'Name', key: (c) => c.name.toLowerCase() },
  molLogP: { label: 'logP (low to high)', key: (c) => c.molLogP },
  tpsa: { label: 'TPSA (low to high)', key: (c) => c.tpsa },
  molWt: { label: 'Molecular weight (low to high)', key: (c) => c.molWt },
  map: { label: 'Map position (left to right)', key: (c) => c.x },
});

/**
 * A discovery campaign: the library as a map and a table, the student's picks for this round, what
 * each round revealed, and every player's discovery curve. After each round (and on a reload) the
 * page shows the campaign as stored.
 * @param {{classId: string, token: string, version: number}} m the student's membership
 * @param {any} exercise the campaign exercise
 */
export async function campaignView(m, exercise) {
  const path = `classes/${m.classId}/exercises/${encodeURIComponent(exercise.id)}`;
  /** @type {Schemas['CampaignView']} */
  const view = await call(`${path}/campaign`, { token: m.token });
  const { brief, state } = view;
  const finished = state.finished;
  const binary = brief.goal === 'MostActives';
  /** @type {Map<string, any>} */
  const byId = new Map(view.library.map((/** @type {any} */ c) => [c.id, c]));
  /** @type {string[]} */
  const picks = [];
  let sortBy = 'name';
  let filter = '';

  const counter = h('p', { class: 'counter', 'aria-live': 'polite' });
  const buy = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'primary', onclick: onBuy }, 'Buy and test'));
  const preview = h('section', { class: 'campaign-preview', 'aria-live': 'polite', 'aria-label': 'Selected compound' },
    h('p', { class: 'hint' }, 'Click a point on the map or a name in the table to see the compound.'));
  const tbody = h('tbody', {});
  const map = libraryMap();
  const filterInput = /** @type {HTMLInputElement} */ (h('input', { id: 'campaign-filter', type: 'search', oninput: () => { filter = filterInput.value.trim().toLowerCase(); rows(); } }));
  const sortSelect = /** @type {HTMLSelectElement} */ (h('select', { id: 'campaign-sort', onchange: () => { sortBy = sortSelect.value; rows(); } },
    ...Object.entries(sorts).map(([value, o]) => h('option', { value }, o.label))));
  const you = state.players[0];

  show(
    h('h1', {}, `Discovery campaign · level ${exercise.difficulty}`),
    h('p', { class: 'prompt' }, view.prompt),
    h('p', { class: 'campaign-status', 'data-testid': 'campaign-status' }, finished
      ? `Campaign over: ${state.rounds} rounds played. Your score (discovery area x100): ${fmt(you.score)}.`
      : `Round ${state.round + 1} of ${state.rounds}: buy up to ${brief.picksPerRound} compounds.${state.round > 0 ? ` Your discovery area so far: ${fmt(you.score)}.` : ''}`),
    h('div', { class: 'campaign-grid' },
      h('figure', { class: 'campaign-map' }, map,
        h('figcaption', {}, 'The library\'s chemical space (first two principal components of the Morgan fingerprints): near points share substructures. ',
          binary ? 'Bought: green = active, hollow = inactive. ' : 'Bought: darker = higher value. ',
          'Ringed: picked for this round.', finished ? ' Orange crosses: what the model (UCB) bought.' : '')),
      preview),
    state.round > 0 ? curvesSection() : null,
    state.revealed.length > 0 ? h('section', { class: 'panel-wide', 'aria-labelledby': 'revealed-heading' },
      h('h2', { id: 'revealed-heading' }, `Round ${state.round} revealed`),
      h('ul', { class: 'revealed' }, ...state.revealed.map((/** @type {any} */ r) => h('li', {}, `${r.name}: ${r.text}`)))) : null,
    finished ? endSection() : null,
    h('section', { 'aria-labelledby': 'library-heading' },
      h('h2', { id: 'library-heading' }, finished ? 'The library' : 'Choose this round\'s compounds'),
      h('div', { class: 'campaign-controls' },
        h('label', { for: 'campaign-filter' }, 'Find by name'), filterInput,
        h('label', { for: 'campaign-sort' }, 'Sort by'), sortSelect),
      finished ? null : h('div', { class: 'actions' }, counter,
        h('button', { type: 'button', onclick: () => { picks.length = 0; refresh(); } }, 'Clear picks'), buy),
      h('div', { class: 'table-scroll' },
        h('table', { class: 'library' },
          h('caption', {}, `${view.library.length} compounds; measured values appear once bought`),
          h('thead', {}, h('tr', {}, ...['Pick', 'Name', 'MW', 'logP', 'TPSA', 'HBD', 'HBA', 'Rot. bonds', binary ? brief.target : 'Measured', 'Round']
            .map((t) => h('th', { scope: 'col' }, t)))),
          tbody))),
    h('p', {}, h('a', { href: '#/' }, '← Back to the exercises')));
  rows();

  /** @param {string} id */
  function toggle(id) {
    const c = byId.get(id);
    if (finished || c.round) return;
    const at = picks.indexOf(id);
    if (at >= 0) picks.splice(at, 1);
    else if (picks.length >= brief.picksPerRound) {
      announce(`You have already picked ${brief.picksPerRound}; unpick one first.`);
      return;
    } else picks.push(id);
    refresh();
  }

  function refresh() {
    counter.textContent = `${picks.length} of ${brief.picksPerRound} picked`;
    buy.disabled = picks.length === 0;
    buy.textContent = `Buy and test ${picks.length || ''} compound${picks.length === 1 ? '' : 's'}`.replace('  ', ' ');
    for (const box of tbody.querySelectorAll('input[type=checkbox]')) {
      /** @type {HTMLInputElement} */ (box).checked = picks.includes(/** @type {HTMLInputElement} */ (box).value) || !!byId.get(/** @type {HTMLInputElement} */ (box).value)?.round;
    }
    for (const dot of map.querySelectorAll('circle[data-id]')) {
      dot.classList.toggle('picked', picks.includes(/** @type {string} */ (dot.getAttribute('data-id'))));
    }
  }

  function rows() {
    const key = sorts[sortBy].key;
    const shown = view.library.filter((/** @type {any} */ c) => !filter || c.name.toLowerCase().includes(filter))
      .sort((/** @type {any} */ a, /** @type {any} */ b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    tbody.replaceChildren(...shown.map((/** @type {any} */ c) => h('tr', { class: c.round ? 'bought' : '' },
      h('td', {}, h('input', { type: 'checkbox', value: c.id, 'aria-label': `Pick ${c.name}`, disabled: finished || !!c.round, onchange: () => toggle(c.id) })),
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => showCompound(c.id) }, c.name)),
      h('td', {}, fmt(c.molWt)), h('td', {}, fmt(c.molLogP, 2)), h('td', {}, fmt(c.tpsa)),
      h('td', {}, c.hDonors), h('td', {}, c.hAcceptors), h('td', {}, c.rotatableBonds),
      h('td', {}, c.measured === undefined ? '' : valueText(c.measured)), h('td', {}, c.round ?? ''))));
    refresh();
  }

  /** @param {number} value */
  function valueText(value) {
    return binary ? (value >= 0.5 ? 'yes' : 'no') : fmt(value, 2);
  }

  /** @param {string} id */
  function showCompound(id) {
    const c = byId.get(id);
    const status = c.round ? `Bought in round ${c.round}: ${binary ? brief.target : 'measured'} ${valueText(c.measured)}`
      : finished ? 'Not bought' : picks.includes(id) ? 'Picked for this round' : 'Not bought yet';
    preview.replaceChildren(
      h('h2', {}, c.name),
      h('img', { src: depictionUrl(c.id, m.version, 260, 200), alt: `Structure of ${c.name}`, width: 260, height: 200 }),
      h('p', {}, status),
      h('p', { class: 'hint' }, `MW ${fmt(c.molWt)}, logP ${fmt(c.molLogP, 2)}, TPSA ${fmt(c.tpsa)} Å², ${c.hDonors} donors, ${c.hAcceptors} acceptors`),
      finished || c.round ? '' : h('button', { type: 'button', onclick: () => { toggle(id); showCompound(id); } }, picks.includes(id) ? 'Unpick' : 'Pick'));
  }

  function libraryMap() {
    const width = 480, height = 360, pad = 14;
    const x = (/** @type {number} */ v) => pad + v * (width - 2 * pad);
    const y = (/** @type {number} */ v) => height - pad - v * (height - 2 * pad);
    const bought = view.library.filter((/** @type {any} */ c) => c.round);
    const values = bought.map((/** @type {any} */ c) => c.measured);
    const low = Math.min(...values), high = Math.max(...values);
    const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'map',
      'aria-label': `Map of the library's chemical space: ${view.library.length} compounds, ${bought.length} bought` });
    svg.append(s('rect', { x: 0, y: 0, width, height, fill: '#ffffff', stroke: '#c9d2de' }));
    for (const c of view.library) {
      let fill = '#c9d2de', stroke = 'none';
      const measured = c.measured ?? null;
      if (measured !== null && binary) [fill, stroke] = measured >= 0.5 ? ['#009E73', '#00563f'] : ['#ffffff', '#555555'];
      else if (measured !== null) fill = shade(high > low ? (measured - low) / (high - low) : 1);
      svg.append(s('circle', { cx: x(c.x), cy: y(c.y), r: measured !== null ? 5 : 3.5, fill, stroke, 'data-id': c.id, onclick: () => { toggle(c.id); showCompound(c.id); } },
        s('title', {}, measured !== null ? `${c.name}: ${valueText(measured)}` : c.name)));
    }
    if (finished) {
      for (const id of (state.players[1].picks ?? []).flat()) {
        const c = byId.get(id);
        svg.append(s('path', { d: `M${x(c.x) - 4} ${y(c.y) - 4} l8 8 m0 -8 l-8 8`, stroke: '#D55E00', 'stroke-width': 2, class: 'model-pick' }));
      }
    }
    return svg;
  }

  function curvesSection() {
    const svg = discoveryChart({
      rounds: state.rounds, binary, libraryBest: state.libraryBest,
      label: `Discovery curves: ${binary ? 'actives found' : 'best value found'} after each round, you against the model and random picking`,
      series: state.players.map((/** @type {any} */ p, /** @type {number} */ i) => ({ name: p.name, progress: p.progress, ...(playerLooks[p.name] ?? playerLooks.random), width: i === 0 ? 3 : 2 })),
    });
    return h('section', { 'aria-labelledby': 'curves-heading' },
      h('h2', { id: 'curves-heading' }, 'Discovery curves'),
      svg,
      h('table', { class: 'curves-table' },
        h('caption', {}, `${binary ? 'Actives found' : 'Best value found'} after each round, and the area under each curve (x100)`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Player'),
          ...Array.from({ length: state.round }, (_, r) => h('th', { scope: 'col' }, `Round ${r + 1}`)), h('th', { scope: 'col' }, 'Area'))),
        h('tbody', {}, ...state.players.map((/** @type {any} */ p) => h('tr', { class: p.name === 'you' ? 'me' : '' },
          h('th', { scope: 'row' }, p.name), ...p.progress.map((/** @type {number} */ v) => h('td', {}, binary ? String(v) : fmt(v, 2))), h('td', {}, fmt(p.score)))))));
  }

  function endSection() {
    return h('section', { class: 'feedback', 'aria-labelledby': 'lesson-heading' },
      h('h2', { id: 'lesson-heading' }, 'What the campaign shows'),
      h('p', { 'data-testid': 'lesson' }, state.lesson),
      h('div', { class: 'columns' }, ...state.players.map((/** @type {any} */ p) => h('section', { class: 'column' },
        h('h3', {}, `Best finds: ${p.name}`),
        (p.best ?? []).length === 0 ? h('p', {}, 'None.') : h('ol', { class: 'mini-cards' }, ...p.best.map((/** @type {any} */ f) => h('li', {},
          h('img', { src: depictionUrl(f.id, m.version, 160, 120), alt: `Structure of ${f.name}`, width: 160, height: 120, loading: 'lazy' }),
          h('span', {}, `${f.name}: ${valueText(f.measured)} (round ${f.round})`))))))));
  }

  async function onBuy() {
    buy.disabled = true;
    try {
      const result = await call(`${path}/submissions`, { method: 'POST', body: { answer: picks }, token: m.token });
      const round = result.feedback.campaign;
      announce(round.finished ? `Campaign over. Your score: ${fmt(result.score)} out of 100.` : `Round ${round.round} bought: ${round.revealed.length} values revealed.`);
      await campaignView(m, exercise);
    } catch (e) {
      announce(e instanceof ApiError ? `Not bought: ${e.message}` : 'Could not reach MedEdu.', 'error');
      refresh();
    }
  }
}

/** A blue shade from light (0) to dark (1) for a bought compound's value. @param {number} t */
function shade(t) {
  const mix = (/** @type {number} */ a, /** @type {number} */ b) => Math.round(a + (b - a) * t);
  return `rgb(${mix(198, 8)}, ${mix(219, 48)}, ${mix(239, 107)})`;
}
