// @ts-check
import { fmt, h, kindName } from './dom.js';
import { s } from './svg.js';

/**
 * Mean score per exercise kind and level as horizontal bars (0-100) with the spread as a whisker
 * and the model's mean as a diamond; the numbers are in the table beside it for screen readers.
 * @param {any[]} rows insights.byKindAndLevel
 */
function kindChart(rows) {
  const rowHeight = 26, left = 190, width = 520, plot = width - left - 20;
  const x = (/** @type {number} */ v) => left + (plot * Math.max(0, Math.min(100, v))) / 100;
  const svg = s('svg', { viewBox: `0 0 ${width} ${rows.length * rowHeight + 30}`, width, height: rows.length * rowHeight + 30, role: 'img', class: 'insights-chart',
    'aria-label': 'Mean score by exercise kind and level' });
  rows.forEach((r, i) => {
    const y = 8 + i * rowHeight;
    svg.append(
      s('text', { x: left - 8, y: y + 14, 'text-anchor': 'end', 'font-size': 12 }, `${kindName(r.kind)} · level ${r.difficulty}`),
      s('rect', { x: left, y, width: Math.max(1, x(r.mean) - left), height: 16, fill: '#0072B2', 'data-mean': r.mean }),
      s('line', { x1: x(r.mean - r.spread), x2: x(r.mean + r.spread), y1: y + 8, y2: y + 8, stroke: '#222', 'stroke-width': 1.5 }));
    if (r.modelMean !== null && r.modelMean !== undefined) {
      const mx = x(r.modelMean);
      svg.append(s('path', { d: `M${mx} ${y + 2} l6 6 l-6 6 l-6 -6 z`, fill: '#E69F00', stroke: '#222', 'stroke-width': 0.5 }, s('title', {}, `model ${r.modelMean}`)));
    }
  });
  const axisY = rows.length * rowHeight + 12;
  for (const tick of [0, 50, 100]) svg.append(s('text', { x: x(tick), y: axisY + 12, 'text-anchor': 'middle', 'font-size': 11 }, String(tick)));
  return svg;
}

/**
 * The class's mean score per day as a line (0-100).
 * @param {any[]} points insights.progress
 */
function progressChart(points) {
  const width = 520, height = 140, left = 30, plot = width - left - 10;
  const x = (/** @type {number} */ i) => left + (points.length === 1 ? plot / 2 : (plot * i) / (points.length - 1));
  const y = (/** @type {number} */ v) => 10 + (100 - v) * 1.1;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'insights-chart', 'aria-label': 'Mean score by day' });
  svg.append(s('polyline', { points: points.map((p, i) => `${x(i)},${y(p.mean)}`).join(' '), fill: 'none', stroke: '#0072B2', 'stroke-width': 2 }));
  points.forEach((p, i) => svg.append(s('circle', { cx: x(i), cy: y(p.mean), r: 3, fill: '#0072B2' }, s('title', {}, `${p.day}: ${p.mean}`))));
  for (const tick of [0, 50, 100]) svg.append(s('text', { x: 2, y: y(tick) + 4, 'font-size': 10 }, String(tick)));
  return svg;
}

/**
 * @param {string[]} headers
 * @param {(string | number)[][]} rows
 * @param {string} caption
 */
function table(headers, rows, caption) {
  return h('table', {}, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, String(c)))))));
}

/**
 * The student model's heat map: one row per student, one column per skill, each cell the mastery in
 * words and a shade (darker: more mastered), so the figure never rests on colour alone.
 * @param {import('./api-types').components['schemas']['StudentSkillMastery'][]} cells
 */
function heatMap(cells) {
  const skills = [...new Map(cells.map((c) => [c.skillId, c.skill])).entries()];
  const students = [...new Map(cells.map((c) => [c.studentId, c.displayName])).entries()];
  const at = new Map(cells.map((c) => [`${c.studentId}|${c.skillId}`, c]));
  return h('table', { class: 'heat-map', 'data-testid': 'heat-map' },
    h('caption', {}, 'Mastery per student and skill: the model\'s chance of a right level-3 answer (answers behind it)'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Student'), ...skills.map(([, name]) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, ...students.map(([id, name]) => h('tr', {}, h('th', { scope: 'row' }, name), ...skills.map(([skill]) => {
      const c = at.get(`${id}|${skill}`);
      const m = Number(c?.mastery ?? 0);
      return h('td', { class: `heat heat-${Math.min(4, Math.floor(m * 5))}` }, `${Math.round(m * 100)}% (${c?.answers ?? 0})`);
    })))));
}

/**
 * The students at risk, each with a form to set their next exercise (the model suggests, the instructor decides).
 * @param {import('./api-types').components['schemas']['AtRiskStudent'][]} atRisk
 * @param {{ id: string, label: string }[]} exercises the class's exercises
 * @param {(studentId: string, exerciseId: string, note: string) => Promise<void>} setNext
 */
function earlyWarnings(atRisk, exercises, setNext) {
  return h('section', { class: 'insights-block', 'aria-labelledby': 'at-risk-heading' },
    h('h4', { id: 'at-risk-heading' }, 'Early warnings: students the model expects to struggle'),
    atRisk.length === 0 ? h('p', {}, 'No student is at risk now.') : h('ul', { class: 'at-risk', 'data-testid': 'at-risk' }, ...atRisk.map((r, i) => {
      const choice = /** @type {HTMLSelectElement} */ (h('select', { id: `override-${i}` }, ...exercises.map((e) => h('option', { value: e.id }, e.label))));
      const note = /** @type {HTMLInputElement} */ (h('input', { id: `override-note-${i}`, type: 'text', maxlength: '200' }));
      return h('li', {}, h('p', {}, h('strong', {}, r.displayName), `: ${r.reason}.`),
        h('form', { class: 'override', onsubmit: (/** @type {Event} */ ev) => { ev.preventDefault(); void setNext(r.studentId, choice.value, note.value); } },
          h('label', { for: `override-${i}` }, `Next exercise for ${r.displayName}`), choice,
          h('label', { for: `override-note-${i}` }, 'Note to the student'), note,
          h('button', { type: 'submit' }, 'Set next exercise')));
    })));
}

/**
 * The insights dashboard of one class: where the class struggles, what it misjudges, who slips, and progress.
 * @param {import('./api-types').components['schemas']['ClassInsightsReport']} insights the JSON of GET /api/classes/{id}/insights
 * @param {() => void} download fetches the CSV
 * @param {{ id: string, label: string }[]} exercises the class's exercises, for overrides
 * @param {(studentId: string, exerciseId: string, note: string) => Promise<void>} setNext sets a student's next exercise
 */
export function insightsDashboard(insights, download, exercises, setNext) {
  return h('section', { class: 'insights', 'aria-labelledby': 'insights-heading' },
    h('h3', { id: 'insights-heading' }, 'Insights'),
    h('p', { 'data-testid': 'insights-summary' }, `${insights.students} students, ${insights.attempts} scored answers, mean score ${fmt(insights.mean)}.`),
    insights.byKindAndLevel.length === 0 ? h('p', {}, 'No scored answers yet.') : h('div', { class: 'insights-block' },
      kindChart(insights.byKindAndLevel),
      table(['Kind', 'Level', 'Answers', 'Mean', 'Spread (SD)', 'Lowest', 'Highest', 'Model'],
        insights.byKindAndLevel.map((/** @type {any} */ r) => [kindName(r.kind), r.difficulty, r.attempts, fmt(r.mean), fmt(r.spread), fmt(r.min), fmt(r.max), fmt(r.modelMean)]),
        'Scores by exercise kind and level (bars: mean; whiskers: ± spread; diamonds: the model)')),
    table(['Compound', 'Exercise', 'Misjudged by', 'The model too?'],
      insights.misjudged.map((/** @type {any} */ m) => [m.name, `${kindName(m.kind)} (${m.exerciseId})`, `${m.misjudged} of ${m.seenBy}`, m.modelMisjudged ? 'yes' : 'no']),
      'Compounds most often misjudged: what to reteach'),
    table(['Student', 'Earlier mean', 'Last two', 'Answers'],
      insights.falling.map((/** @type {any} */ f) => [f.displayName, fmt(f.earlierMean), fmt(f.recentMean), f.attempts]),
      'Students whose recent scores fall (15 points or more)'),
    (insights.mastery ?? []).length === 0 ? '' : h('div', { class: 'insights-block' }, heatMap(insights.mastery ?? [])),
    earlyWarnings(insights.atRisk ?? [], exercises, setNext),
    insights.progress.length === 0 ? '' : h('div', { class: 'insights-block' }, progressChart(insights.progress),
      table(['Day', 'Answers', 'Mean'], insights.progress.map((/** @type {any} */ p) => [p.day, p.attempts, fmt(p.mean)]), 'Progress by day')),
    h('button', { type: 'button', onclick: download }, 'Download insights (CSV)'));
}
