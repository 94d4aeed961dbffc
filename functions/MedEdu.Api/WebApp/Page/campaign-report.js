// @ts-check
import { fmt, h } from './dom.js';
import { discoveryChart, playerLooks } from './curves.js';

/**
 * A class's campaigns for its instructor: every student's discovery curve (thin) beside the
 * model's and random picking's (bold), and a table of the same figures.
 * @param {import('./api-types').components['schemas']['CampaignClassReport'][]} reports the JSON of GET /api/classes/{id}/campaigns
 * @param {(exerciseId: string) => void} download fetches one campaign's CSV
 */
export function campaignReports(reports, download) {
  return h('section', { class: 'insights', 'aria-labelledby': 'campaigns-heading' },
    h('h3', { id: 'campaigns-heading' }, 'Discovery campaigns'),
    ...reports.map((r) => {
      const binary = r.goal === 'MostActives';
      const series = [
        ...r.students.map((/** @type {any} */ c) => ({ name: c.name, progress: c.progress, colour: '#56B4E9', width: 1.5, legend: false })),
        ...r.opponents.map((/** @type {any} */ c) => ({ name: c.name, progress: c.progress, ...(playerLooks[c.name] ?? playerLooks.random), width: 2.5 })),
      ];
      return h('div', { class: 'insights-block', 'data-testid': `campaign-${r.exerciseId}` },
        h('h4', {}, `Campaign ${r.exerciseId}: ${r.students.length} student${r.students.length === 1 ? '' : 's'} (light blue) against the model and random picking`),
        discoveryChart({ rounds: r.rounds, binary, libraryBest: r.libraryBest, series, label: `Discovery curves of campaign ${r.exerciseId}: every student beside the model` }),
        h('table', {}, h('caption', {}, `Campaign ${r.exerciseId}: ${binary ? 'actives found' : 'best value found'} by the last round played, and the area under each curve (x100)`),
          h('thead', {}, h('tr', {}, ...['Player', 'Rounds played', binary ? 'Actives found' : 'Best found', 'Area'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, ...[...r.opponents, ...r.students].map((/** @type {any} */ c) => h('tr', {},
            h('th', { scope: 'row' }, c.name), h('td', {}, `${c.progress.length} of ${r.rounds}`),
            h('td', {}, c.progress.length === 0 ? '—' : binary ? String(c.progress[c.progress.length - 1]) : fmt(c.progress[c.progress.length - 1], 2)),
            h('td', {}, fmt(c.score)))))),
        h('button', { type: 'button', onclick: () => download(r.exerciseId) }, `Download campaign ${r.exerciseId} (CSV)`));
    }));
}
