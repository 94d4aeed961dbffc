// @ts-check
import { ApiError, call } from './api.js';
import { announce, fmt, h, kindNames, show } from './dom.js';
import { watchDataset } from './progress.js';
import { forget, membership, remember } from './session.js';

/** The join form: class code and a display name (the only personal data kept). */
export function joinView() {
  const code = h('input', { id: 'code', name: 'code', required: true, autocomplete: 'off', autocapitalize: 'characters', maxlength: 16 });
  const name = h('input', { id: 'displayName', name: 'displayName', required: true, maxlength: 40, autocomplete: 'nickname' });
  const form = h('form', { class: 'panel', onsubmit: onJoin },
    h('p', {}, 'Your instructor gives you a class code. Choose any display name: it is shown on the leaderboard and is the only thing about you MedEdu keeps.'),
    h('label', { for: 'code' }, 'Class code'), code,
    h('label', { for: 'displayName' }, 'Display name'), name,
    h('button', { type: 'submit', class: 'primary' }, 'Join class'));
  show(h('h1', {}, 'Join your class'), form);

  /** @param {Event} event */
  async function onJoin(event) {
    event.preventDefault();
    try {
      /** @type {import('./api-types').components['schemas']['Joined']} */
      const joined = await call('classes/join', {
        method: 'POST',
        body: { code: /** @type {HTMLInputElement} */ (code).value, displayName: /** @type {HTMLInputElement} */ (name).value },
      });
      remember(joined);
      announce(`Welcome, ${joined.displayName}. You joined ${joined.className}.`);
      window.location.hash = '#/';
    } catch (e) {
      announce(e instanceof ApiError ? `Could not join: ${e.message}` : 'Could not reach MedEdu.', 'error');
    }
  }
}

/** The class's exercises with the student's scores and the suggested next one. */
export async function exercisesView() {
  const m = membership();
  if (!m) return joinView();
  watchDataset(m.datasetId, m.version);
  /** @type {import('./api-types').components['schemas']['ExerciseSummary'][]} */
  let exercises;
  /** @type {import('./api-types').components['schemas']['PracticePlan']} */
  let next;
  try {
    [exercises, next] = await Promise.all([
      call(`classes/${m.classId}/exercises`, { token: m.token }),
      call(`classes/${m.classId}/next`, { token: m.token }),
    ]);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      forget();
      announce('Your class membership is no longer valid; join again.', 'error');
      return joinView();
    }
    throw e;
  }
  const rows = exercises.map((/** @type {any} */ e, /** @type {number} */ i) => h('li', { class: 'exercise-item' },
    h('a', { href: `#/exercise/${encodeURIComponent(e.id)}`, class: 'exercise-link' },
      h('span', { class: 'kind' }, `${i + 1}. ${kindNames[e.kind] ?? e.kind}`),
      h('span', { class: 'level' }, ` · level ${e.difficulty}`)),
    h('p', { class: 'prompt' }, e.prompt),
    h('p', { class: 'score' }, e.submitted ? `Your score: ${fmt(e.score)}` : 'Not answered yet')));
  show(
    h('h1', {}, m.className),
    h('p', {}, `Dataset ${m.datasetId}, version ${m.version}. You are `, h('strong', {}, m.displayName), '.'),
    h('section', { class: 'panel next', 'aria-labelledby': 'next-heading' },
      h('h2', { id: 'next-heading' }, 'What to practise next'),
      h('p', { 'data-testid': 'next-reason' }, `${kindNames[next.kind] ?? next.kind}, level ${next.difficulty}${next.chosenBy === 'instructor' ? ' (chosen by your instructor)' : ''}: ${next.reason}. `,
        next.exerciseId ? h('a', { href: `#/exercise/${encodeURIComponent(next.exerciseId)}` }, 'Open this exercise') : ''),
      masteryBars(next.mastery)),
    h('h2', {}, 'Exercises'),
    h('ol', { class: 'exercises' }, ...rows),
    h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => { forget(); window.location.hash = '#/join'; } }, 'Leave this class on this device')));
}

/**
 * The student's mastery of each skill as a bar: the model's chance of a right level-3 answer, with
 * its 90% interval and the answers behind it in words beside the bar.
 * @param {import('./api-types').components['schemas']['SkillMastery'][]} mastery
 */
function masteryBars(mastery) {
  const pct = (/** @type {number | string} */ x) => `${Math.round(Number(x) * 100)}%`;
  return h('div', { class: 'mastery' },
    h('h3', { id: 'mastery-heading' }, 'Your mastery of each skill'),
    h('ul', { class: 'mastery-list', 'aria-labelledby': 'mastery-heading' }, ...mastery.map((m, i) => h('li', {},
      h('span', { id: `mastery-${i}`, class: 'mastery-skill' }, m.skill),
      h('meter', { min: '0', max: '1', low: '0.5', high: '0.8', optimum: '1', value: String(m.mastery), 'aria-labelledby': `mastery-${i}` }),
      h('span', { class: 'mastery-figure' }, `${pct(m.mastery)}${m.mastered ? ' · mastered' : ''} (likely ${pct(m.low)}–${pct(m.high)}; ${m.answers} answer${Number(m.answers) === 1 ? '' : 's'})`)))));
}

/** The class leaderboard, the student's own row marked. */
export async function leaderboardView() {
  const m = membership();
  if (!m) return joinView();
  const rows = await call(`classes/${m.classId}/leaderboard`, { token: m.token });
  show(h('h1', {}, `Leaderboard — ${m.className}`), leaderboardTable(rows, m.displayName));
}

/**
 * @param {any[]} rows leaderboard rows
 * @param {string} [me] display name to mark
 */
export function leaderboardTable(rows, me) {
  if (rows.length === 0) return h('p', {}, 'No scores yet.');
  return h('table', { class: 'leaderboard' },
    h('caption', {}, 'Total score over the exercises answered'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Rank'), h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Total'), h('th', { scope: 'col' }, 'Exercises'))),
    h('tbody', {}, ...rows.map((r) => h('tr', { class: r.displayName === me ? 'me' : undefined },
      h('td', {}, r.rank), h('th', { scope: 'row' }, r.displayName), h('td', {}, fmt(r.total)), h('td', {}, r.exercises)))));
}
