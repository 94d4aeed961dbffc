// @ts-check
import { ApiError, call, depictionUrl } from './api.js';
import { announce, fmt, h, kindName } from './dom.js';

/** @typedef {import('./api-types').components['schemas']} Schemas */

/**
 * The instructor's review of a class: every exercise as students will see it, beside its answer key
 * and the model's answers, with remove, regenerate, replace-a-compound and reword; then publish.
 * State lives in this view: the last review the API answered, drawn again after each change.
 * @param {string} classId
 * @param {() => string} secret the instructor key (empty where Entra ID signs the caller in)
 * @param {() => void} onPublished called after publishing (the class list shows the new status)
 * @returns {Promise<HTMLElement>}
 */
export async function reviewPanel(classId, secret, onPublished) {
  const root = h('section', { class: 'review', 'aria-labelledby': 'review-title' });
  const id = encodeURIComponent(classId);
  /** @type {Schemas['ClassReview']} */
  let review = await call(`classes/${id}/review`, { key: secret() });
  draw();
  return root;

  /** Runs one change, then reloads and draws the review. @param {() => Promise<unknown>} change @param {string} done */
  async function act(change, done) {
    try {
      await change();
      review = await call(`classes/${id}/review`, { key: secret() });
      draw();
      announce(done);
    } catch (e) {
      announce(e instanceof ApiError ? `Not changed: ${e.message}` : 'Could not reach MedEdu.', 'error');
    }
  }

  function draw() {
    const draft = review.status === 'draft';
    const current = review.exercises.filter((e) => !e.retired);
    const retired = review.exercises.filter((e) => e.retired);
    root.replaceChildren(
      h('h3', { id: 'review-title' }, `Review: ${review.name} `, h('span', { class: `status-tag ${review.status}` }, draft ? 'draft' : 'published')),
      h('p', { class: 'hint' }, draft
        ? 'Students cannot join until you publish. Each exercise is shown as they will see it, with the answer key and the model\'s answers beside it.'
        : 'Published: a change now makes a new revision; students who answered the old one keep it and their score.'),
      draft ? h('button', {
        type: 'button', class: 'primary', onclick: () => act(async () => { await call(`classes/${id}/publish`, { method: 'POST', key: secret() }); onPublished(); },
          `${review.name} is published: students can join with its code.`),
      }, `Publish ${review.name}`) : '',
      ...current.map(item),
      retired.length === 0 ? '' : h('details', { class: 'retired' },
        h('summary', {}, `${retired.length} replaced or withdrawn (kept for the students who answered them)`),
        h('ul', {}, ...retired.map((e) => h('li', {}, `${e.exercise.id}: ${kindName(e.exercise.kind)}, revision ${e.revision}, ${e.submissions} answers`)))));
  }

  /** One exercise under review. @param {Schemas['ReviewedExercise']} r */
  function item(r) {
    const e = r.exercise;
    const path = `classes/${id}/exercises/${encodeURIComponent(e.id)}`;
    const title = `${kindName(e.kind)}, level ${e.difficulty} (${e.id}${r.revision > 1 ? `, revision ${r.revision}` : ''})`;
    const prompt = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: `prompt-${e.id}`, rows: 3, maxlength: 1000 }, e.prompt));
    const rank = new Map(r.key.truth.map((t, i) => [t, i + 1]));
    const model = new Map(r.key.modelOrder.map((t, i) => [t, i + 1]));
    const ordered = e.kind === 'PropertyRanking' || e.kind === 'SimilarityHunt';
    return h('article', { class: 'review-item', 'data-id': e.id, 'aria-label': title },
      h('h4', {}, title),
      h('p', { class: 'prompt' }, e.prompt),
      e.query ? h('p', {}, 'Query: ', h('strong', {}, e.query.name)) : '',
      h('table', { class: 'review-key' },
        h('caption', {}, 'Candidates as students see them, with the key and the model'),
        h('thead', {}, h('tr', {}, ...['Compound', ordered ? 'True place' : 'Key', 'Model', 'Measured', 'Predicted', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...e.candidates.map((c) => {
          const facts = r.key.facts[c.id];
          const inKey = rank.get(c.id);
          return h('tr', { 'data-compound': c.id },
            h('th', { scope: 'row' }, h('img', { src: depictionUrl(c.id, review.version, 110, 85), alt: `Structure of ${c.name}`, width: 110, height: 85, loading: 'lazy' }), h('span', {}, c.name)),
            h('td', {}, ordered ? `#${inKey}` : inKey ? (facts?.ruleBreak ?? 'yes') : 'no'),
            h('td', {}, model.size === 0 ? '—' : ordered ? `#${model.get(c.id) ?? '—'}` : model.has(c.id) ? 'yes' : 'no'),
            h('td', {}, facts?.similarity != null ? `Tanimoto ${fmt(facts.similarity, 2)}` : fmt(facts?.measured, 2)),
            h('td', {}, fmt(facts?.predicted, 2)),
            h('td', {}, r.replaceable ? replaceForm(path, c) : ''));
        }))),
      h('form', { class: 'inline', onsubmit: (/** @type {Event} */ ev) => { ev.preventDefault(); act(() => call(path, { method: 'PATCH', key: secret(), body: { prompt: prompt.value } }), `Prompt of ${e.id} saved.`); } },
        h('label', { for: `prompt-${e.id}` }, 'Prompt in your words'), prompt, h('button', { type: 'submit' }, `Save prompt of ${e.id}`)),
      h('p', { class: 'actions' },
        h('button', { type: 'button', onclick: () => act(() => call(`${path}/regenerate`, { method: 'POST', key: secret(), body: {} }), `${e.id} generated again with a new seed.`) }, `Regenerate ${e.id}`),
        ' ',
        h('button', { type: 'button', class: 'danger', onclick: () => act(() => call(path, { method: 'DELETE', key: secret() }), `${e.id} removed.`) }, `Remove ${e.id}`)));
  }

  /** The swap of one candidate: the replacement's compound id, checked by the exercise's fairness rule. @param {string} path @param {Schemas['CandidateView']} c */
  function replaceForm(path, c) {
    const field = /** @type {HTMLInputElement} */ (h('input', { id: `replace-${c.id}`, autocomplete: 'off', size: 12, placeholder: 'compound id' }));
    return h('form', {
      class: 'inline', onsubmit: (/** @type {Event} */ ev) => {
        ev.preventDefault();
        act(() => call(`${path}/replace`, { method: 'POST', key: secret(), body: { compoundId: c.id, replacementId: field.value.trim() } }), `${c.name} replaced by ${field.value.trim()}.`);
      },
    }, h('label', { for: `replace-${c.id}` }, `Replace ${c.name} with`), field, h('button', { type: 'submit' }, 'Replace'));
  }
}
