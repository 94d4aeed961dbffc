// @ts-check
import { ApiError, call, depictionUrl } from './api.js';
import { announce, fmt, h, show } from './dom.js';
import { discoveryChart, playerLooks, playerName } from './curves.js';
import { plural, t } from './i18n.js';
import { s } from './svg.js';

/** @typedef {import('./api-types').components['schemas']} Schemas */

/** Sort orders of the library table, each with its label's catalog key. */
const sorts = /** @type {Record<string, {label: string, key: (c: any) => number | string}>} */ ({
  name: { label: 'campaign.sort.name', key: (c) => c.name.toLowerCase() },
  molLogP: { label: 'campaign.sort.logP', key: (c) => c.molLogP },
  tpsa: { label: 'campaign.sort.tpsa', key: (c) => c.tpsa },
  molWt: { label: 'campaign.sort.molWt', key: (c) => c.molWt },
  map: { label: 'campaign.sort.map', key: (c) => c.x },
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
  const buy = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'primary', onclick: onBuy }, t('campaign.buy')));
  const preview = h('section', { class: 'campaign-preview', 'aria-live': 'polite', 'aria-label': t('campaign.selected') },
    h('p', { class: 'hint' }, t('campaign.previewHint')));
  const tbody = h('tbody', {});
  const map = libraryMap();
  const filterInput = /** @type {HTMLInputElement} */ (h('input', { id: 'campaign-filter', type: 'search', oninput: () => { filter = filterInput.value.trim().toLowerCase(); rows(); } }));
  const sortSelect = /** @type {HTMLSelectElement} */ (h('select', { id: 'campaign-sort', onchange: () => { sortBy = sortSelect.value; rows(); } },
    ...Object.entries(sorts).map(([value, o]) => h('option', { value }, t(o.label)))));
  const you = state.players[0];

  show(
    h('h1', {}, t('campaign.title', { level: exercise.difficulty })),
    h('p', { class: 'prompt' }, view.prompt),
    h('p', { class: 'campaign-status', 'data-testid': 'campaign-status' }, finished
      ? t('campaign.over', { rounds: state.rounds, score: fmt(you.score) })
      : [t('campaign.round', { round: state.round + 1, rounds: state.rounds, picks: brief.picksPerRound }),
        state.round > 0 ? t('campaign.areaSoFar', { score: fmt(you.score) }) : ''].join(' ').trim()),
    h('div', { class: 'campaign-grid' },
      h('figure', { class: 'campaign-map' }, map,
        h('figcaption', {}, [t('campaign.mapCaption'), t(binary ? 'campaign.boughtBinary' : 'campaign.boughtShade'),
          t('campaign.ringed'), finished ? t('campaign.modelCrosses') : ''].join(' ').trim())),
      preview),
    state.round > 0 ? curvesSection() : null,
    state.revealed.length > 0 ? h('section', { class: 'panel-wide', 'aria-labelledby': 'revealed-heading' },
      h('h2', { id: 'revealed-heading' }, t('campaign.revealed', { round: state.round })),
      h('ul', { class: 'revealed' }, ...state.revealed.map((/** @type {any} */ r) => h('li', {}, `${r.name}: ${r.text}`)))) : null,
    finished ? endSection() : null,
    h('section', { 'aria-labelledby': 'library-heading' },
      h('h2', { id: 'library-heading' }, t(finished ? 'campaign.library' : 'campaign.choose')),
      h('div', { class: 'campaign-controls' },
        h('label', { for: 'campaign-filter' }, t('campaign.find')), filterInput,
        h('label', { for: 'campaign-sort' }, t('campaign.sortBy')), sortSelect),
      finished ? null : h('div', { class: 'actions' }, counter,
        h('button', { type: 'button', onclick: () => { picks.length = 0; refresh(); } }, t('exercise.clearPicks')), buy),
      h('div', { class: 'table-scroll' },
        h('table', { class: 'library' },
          h('caption', {}, t('campaign.caption', { n: view.library.length })),
          h('thead', {}, h('tr', {}, ...[t('campaign.pick'), t('campaign.col.name'), t('campaign.col.mw'), 'logP', 'TPSA', t('campaign.col.hbd'), t('campaign.col.hba'),
            t('campaign.col.rotatable'), binary ? brief.target : t('campaign.col.measured'), t('campaign.col.round')]
            .map((text) => h('th', { scope: 'col' }, text)))),
          tbody))),
    h('p', {}, h('a', { href: '#/' }, t('exercise.back'))));
  rows();

  /** @param {string} id */
  function toggle(id) {
    const c = byId.get(id);
    if (finished || c.round) return;
    const at = picks.indexOf(id);
    if (at >= 0) picks.splice(at, 1);
    else if (picks.length >= brief.picksPerRound) {
      announce(t('exercise.tooMany', { picks: brief.picksPerRound }));
      return;
    } else picks.push(id);
    refresh();
  }

  function refresh() {
    counter.textContent = t('counter.picked', { n: picks.length, of: brief.picksPerRound });
    buy.disabled = picks.length === 0;
    buy.textContent = picks.length === 0 ? t('campaign.buy') : plural('campaign.buyCount', picks.length);
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
      h('td', {}, h('input', { type: 'checkbox', value: c.id, 'aria-label': t('campaign.pickName', { name: c.name }), disabled: finished || !!c.round, onchange: () => toggle(c.id) })),
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => showCompound(c.id) }, c.name)),
      h('td', {}, fmt(c.molWt)), h('td', {}, fmt(c.molLogP, 2)), h('td', {}, fmt(c.tpsa)),
      h('td', {}, c.hDonors), h('td', {}, c.hAcceptors), h('td', {}, c.rotatableBonds),
      h('td', {}, c.measured === undefined ? '' : valueText(c.measured)), h('td', {}, c.round ?? ''))));
    refresh();
  }

  /** @param {number} value */
  function valueText(value) {
    return binary ? t(value >= 0.5 ? 'answer.yes' : 'answer.no') : fmt(value, 2);
  }

  /** @param {string} id */
  function showCompound(id) {
    const c = byId.get(id);
    const status = c.round ? t('campaign.boughtIn', { round: c.round, target: binary ? brief.target : t('campaign.measured'), value: valueText(c.measured) })
      : t(finished ? 'campaign.notBought' : picks.includes(id) ? 'campaign.pickedThisRound' : 'campaign.notBoughtYet');
    preview.replaceChildren(
      h('h2', {}, c.name),
      h('img', { src: depictionUrl(c.id, m.version, 260, 200), alt: t('drawing.structureOf', { name: c.name }), width: 260, height: 200 }),
      h('p', {}, status),
      h('p', { class: 'hint' }, t('campaign.facts', { mw: fmt(c.molWt), logP: fmt(c.molLogP, 2), tpsa: fmt(c.tpsa), donors: c.hDonors, acceptors: c.hAcceptors })),
      finished || c.round ? '' : h('button', { type: 'button', onclick: () => { toggle(id); showCompound(id); } }, t(picks.includes(id) ? 'campaign.unpick' : 'campaign.pick')));
  }

  function libraryMap() {
    const width = 480, height = 360, pad = 14;
    const x = (/** @type {number} */ v) => pad + v * (width - 2 * pad);
    const y = (/** @type {number} */ v) => height - pad - v * (height - 2 * pad);
    const bought = view.library.filter((/** @type {any} */ c) => c.round);
    const values = bought.map((/** @type {any} */ c) => c.measured);
    const low = Math.min(...values), high = Math.max(...values);
    const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'map',
      'aria-label': t('campaign.mapLabel', { n: view.library.length, bought: bought.length }) });
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
      label: t(binary ? 'campaign.curvesLabel.actives' : 'campaign.curvesLabel.best'),
      series: state.players.map((/** @type {any} */ p, /** @type {number} */ i) => ({ name: p.name, progress: p.progress, ...(playerLooks[p.name] ?? playerLooks.random), width: i === 0 ? 3 : 2 })),
    });
    return h('section', { 'aria-labelledby': 'curves-heading' },
      h('h2', { id: 'curves-heading' }, t('campaign.curves')),
      svg,
      h('table', { class: 'curves-table' },
        h('caption', {}, t(binary ? 'campaign.curvesCaption.actives' : 'campaign.curvesCaption.best')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('campaign.player')),
          ...Array.from({ length: state.round }, (_, r) => h('th', { scope: 'col' }, t('campaign.roundN', { round: r + 1 }))), h('th', { scope: 'col' }, t('campaign.area')))),
        h('tbody', {}, ...state.players.map((/** @type {any} */ p) => h('tr', { class: p.name === 'you' ? 'me' : '' },
          h('th', { scope: 'row' }, playerName(p.name)), ...p.progress.map((/** @type {number} */ v) => h('td', {}, binary ? String(v) : fmt(v, 2))), h('td', {}, fmt(p.score)))))));
  }

  function endSection() {
    return h('section', { class: 'feedback', 'aria-labelledby': 'lesson-heading' },
      h('h2', { id: 'lesson-heading' }, t('campaign.lessonTitle')),
      h('p', { 'data-testid': 'lesson' }, state.lesson),
      h('div', { class: 'columns' }, ...state.players.map((/** @type {any} */ p) => h('section', { class: 'column' },
        h('h3', {}, t('campaign.bestFinds', { player: playerName(p.name) })),
        (p.best ?? []).length === 0 ? h('p', {}, t('feedback.none')) : h('ol', { class: 'mini-cards' }, ...p.best.map((/** @type {any} */ f) => h('li', {},
          h('img', { src: depictionUrl(f.id, m.version, 160, 120), alt: t('drawing.structureOf', { name: f.name }), width: 160, height: 120, loading: 'lazy' }),
          h('span', {}, t('campaign.find.line', { name: f.name, value: valueText(f.measured), round: f.round })))))))));
  }

  async function onBuy() {
    buy.disabled = true;
    try {
      const result = await call(`${path}/submissions`, { method: 'POST', body: { answer: picks }, token: m.token });
      const round = result.feedback.campaign;
      announce(round.finished ? t('campaign.finishedAnnounce', { score: fmt(result.score) }) : t('campaign.roundBought', { round: round.round, n: round.revealed.length }));
      await campaignView(m, exercise);
    } catch (e) {
      announce(e instanceof ApiError ? t('campaign.notBoughtBecause', { reason: e.message }) : t('error.unreachable'), 'error');
      refresh();
    }
  }
}

/** A blue shade from light (0) to dark (1) for a bought compound's value. @param {number} t */
function shade(t) {
  const mix = (/** @type {number} */ a, /** @type {number} */ b) => Math.round(a + (b - a) * t);
  return `rgb(${mix(198, 8)}, ${mix(219, 48)}, ${mix(239, 107)})`;
}
