// @ts-check
import { ApiError, call } from './api.js';
import { announce, fmt, h, kindName, show } from './dom.js';
import { percent, plural, setClassLanguage, t } from './i18n.js';
import { watchDataset } from './progress.js';
import { forget, membership, remember } from './session.js';

/** The join form: class code and a display name (the only personal data kept). */
export function joinView() {
  const code = h('input', { id: 'code', name: 'code', required: true, autocomplete: 'off', autocapitalize: 'characters', maxlength: 16 });
  const name = h('input', { id: 'displayName', name: 'displayName', required: true, maxlength: 40, autocomplete: 'nickname' });
  const form = h('form', { class: 'panel', onsubmit: onJoin },
    h('p', {}, t('join.intro')),
    h('label', { for: 'code' }, t('join.code')), code,
    h('label', { for: 'displayName' }, t('join.name')), name,
    h('button', { type: 'submit', class: 'primary' }, t('join.submit')));
  show(h('h1', {}, t('join.title')), form);

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
      setClassLanguage(joined.language);
      announce(t('join.welcome', { name: joined.displayName, className: joined.className }));
      window.location.hash = '#/';
    } catch (e) {
      announce(e instanceof ApiError ? t('join.failed', { reason: e.message }) : t('error.unreachable'), 'error');
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
      announce(t('exercises.membershipGone'), 'error');
      return joinView();
    }
    throw e;
  }
  const rows = exercises.map((/** @type {any} */ e, /** @type {number} */ i) => h('li', { class: 'exercise-item' },
    h('a', { href: `#/exercise/${encodeURIComponent(e.id)}`, class: 'exercise-link' },
      h('span', { class: 'kind' }, `${i + 1}. ${kindName(e.kind)}`),
      h('span', { class: 'level' }, ` · ${t('exercise.level', { level: e.difficulty })}`)),
    h('p', { class: 'prompt' }, e.prompt),
    h('p', { class: 'score' }, e.submitted ? t('exercise.yourScore', { score: fmt(e.score) }) : t('exercises.notAnswered'))));
  show(
    h('h1', {}, m.className),
    h('p', {}, t('exercises.datasetLine', { dataset: m.datasetId, version: m.version }), ' ', h('strong', {}, m.displayName)),
    h('section', { class: 'panel next', 'aria-labelledby': 'next-heading' },
      h('h2', { id: 'next-heading' }, t('next.title')),
      h('p', { 'data-testid': 'next-reason' }, `${t('next.what', { kind: kindName(next.kind), level: next.difficulty })}${next.chosenBy === 'instructor' ? ` (${t('next.byInstructor')})` : ''}: ${nextReason(next)}. `,
        next.exerciseId ? h('a', { href: `#/exercise/${encodeURIComponent(next.exerciseId)}` }, t('next.open')) : ''),
      masteryBars(next.mastery)),
    h('h2', {}, t('exercises.title')),
    h('ol', { class: 'exercises' }, ...rows),
    h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => { forget(); window.location.hash = '#/join'; } }, t('exercises.leave'))));
}

/**
 * Why this exercise, in the page's language, from the plan's figures (the model's choice); an
 * instructor's choice keeps their words.
 * @param {import('./api-types').components['schemas']['PracticePlan']} next
 */
function nextReason(next) {
  if (next.chosenBy === 'instructor') return next.reason;
  const target = next.mastery.find((m) => m.skillId === next.skillId);
  const values = { chance: percent(next.chance), kind: kindName(next.kind), level: next.difficulty, skill: skillName(next.skillId, target?.skill), mastery: percent(target?.mastery ?? 0), threshold: percent(0.8) };
  return next.mastery.every((m) => m.mastered) ? t('next.reasonAllMastered', values) : t('next.reason', values);
}

/** A skill's name in the page's language (the instructor's own name for a skill the catalogs do not know). @param {string} id @param {string} [fallback] */
function skillName(id, fallback) {
  const key = `skill.${id}`;
  const name = t(key);
  return name === key ? fallback ?? id : name;
}

/**
 * The student's mastery of each skill as a bar: the model's chance of a right level-3 answer, with
 * its 90% interval and the answers behind it in words beside the bar.
 * @param {import('./api-types').components['schemas']['SkillMastery'][]} mastery
 */
function masteryBars(mastery) {
  const pct = percent;
  return h('div', { class: 'mastery' },
    h('h3', { id: 'mastery-heading' }, t('mastery.title')),
    h('ul', { class: 'mastery-list', 'aria-labelledby': 'mastery-heading' }, ...mastery.map((m, i) => h('li', {},
      h('span', { id: `mastery-${i}`, class: 'mastery-skill' }, skillName(m.skillId, m.skill)),
      h('meter', { min: '0', max: '1', low: '0.5', high: '0.8', optimum: '1', value: String(m.mastery), 'aria-labelledby': `mastery-${i}` }),
      h('span', { class: 'mastery-figure' }, `${pct(m.mastery)}${m.mastered ? ` · ${t('mastery.mastered')}` : ''} ${t('mastery.details', { low: pct(m.low), high: pct(m.high), answers: plural('mastery.answers', Number(m.answers)) })}`)))));
}

/** The class leaderboard, the student's own row marked. */
export async function leaderboardView() {
  const m = membership();
  if (!m) return joinView();
  const rows = await call(`classes/${m.classId}/leaderboard`, { token: m.token });
  show(h('h1', {}, t('leaderboard.title', { className: m.className })), leaderboardTable(rows, m.displayName));
}

/**
 * @param {any[]} rows leaderboard rows
 * @param {string} [me] display name to mark
 */
export function leaderboardTable(rows, me) {
  if (rows.length === 0) return h('p', {}, t('leaderboard.empty'));
  return h('table', { class: 'leaderboard' },
    h('caption', {}, t('leaderboard.caption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('leaderboard.rank')), h('th', { scope: 'col' }, t('leaderboard.name')), h('th', { scope: 'col' }, t('leaderboard.total')), h('th', { scope: 'col' }, t('leaderboard.exercises')))),
    h('tbody', {}, ...rows.map((r) => h('tr', { class: r.displayName === me ? 'me' : undefined },
      h('td', {}, fmt(r.rank, 0)), h('th', { scope: 'row' }, r.displayName), h('td', {}, fmt(r.total)), h('td', {}, fmt(r.exercises, 0))))));
}
