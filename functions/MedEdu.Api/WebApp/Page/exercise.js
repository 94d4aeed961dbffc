// @ts-check
import { ApiError, call, depictionUrl } from './api.js';
import { campaignView } from './campaign.js';
import { announce, fmt, h, kindName, show } from './dom.js';
import { plural, t } from './i18n.js';
import { membership } from './session.js';
import { joinView } from './student.js';

/** @typedef {import('./api-types').components['schemas']} Schemas */

/**
 * How an exercise is answered: pick a fixed number, put all in order, flag any, or label each yes/no.
 * @param {any} exercise
 * @returns {'pick' | 'order' | 'flag' | 'label'}
 */
export function answerMode(exercise) {
  if (exercise.kind === 'RuleCheck') return 'flag';
  if (exercise.kind === 'Classify' || exercise.kind === 'MatchedPair') return 'label';
  if (exercise.kind === 'PropertyRanking' || exercise.picks === 0) return 'order';
  return 'pick';
}

/** @param {string} exerciseId */
export async function exerciseView(exerciseId) {
  const m = membership();
  if (!m) return joinView();
  /** @type {[Schemas['Exercise'], Schemas['SubmissionResult'][]]} */
  const [exercise, submissions] = await Promise.all([
    call(`classes/${m.classId}/exercises/${encodeURIComponent(exerciseId)}`, { token: m.token }),
    call(`classes/${m.classId}/submissions`, { token: m.token }),
  ]);
  if (exercise.kind === 'Campaign') return campaignView(m, exercise);
  const mode = answerMode(exercise);
  /** @type {Map<string, any>} */
  const byId = new Map(exercise.candidates.map((/** @type {any} */ c) => [c.id, c]));
  if (exercise.query) byId.set(exercise.query.id, exercise.query);
  /** @type {string[]} */
  let answer = [];

  const counter = h('p', { class: 'counter', 'aria-live': 'polite' });
  const submit = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'primary', onclick: onSubmit }, t('exercise.submit')));
  const reset = h('button', { type: 'button', onclick: () => { answer = []; refresh(); } }, mode === 'order' ? t('exercise.clearOrder') : mode === 'label' ? t('exercise.allNo') : t('exercise.clearPicks'));
  const feedback = h('section', { class: 'feedback', 'aria-labelledby': 'feedback-heading', hidden: true });
  const cards = exercise.candidates.map((/** @type {any} */ c) => card(c, m.version, () => toggle(c.id)));

  const earlier = submissions.find((/** @type {any} */ s) => s.exerciseId === exercise.id && s.scored);
  show(
    h('h1', {}, `${kindName(exercise.kind)} · ${t('exercise.level', { level: exercise.difficulty })}`),
    h('p', { class: 'prompt' }, exercise.prompt),
    exercise.query ? h('section', { class: 'query', 'aria-labelledby': 'query-heading' },
      h('h2', { id: 'query-heading' }, t('exercise.query')),
      card(exercise.query, m.version, null)) : null,
    h('h2', {}, t('exercise.candidates')),
    h('p', { class: 'hint' }, instructions(mode, exercise.picks, exercise.label ?? undefined, exercise.rules ?? undefined)),
    h('ul', { class: 'cards', 'aria-label': t('exercise.candidatesLabel') }, ...cards),
    h('div', { class: 'actions' }, counter, reset, submit),
    feedback,
    h('p', {}, h('a', { href: '#/' }, t('exercise.back'))));
  refresh();
  if (earlier) renderFeedback(earlier, true);

  /** @param {string} id */
  function toggle(id) {
    const at = answer.indexOf(id);
    if (at >= 0) {
      answer.splice(at, 1);
    } else if (mode === 'pick' && answer.length >= exercise.picks) {
      announce(t('exercise.tooMany', { picks: exercise.picks }));
      return;
    } else {
      answer.push(id);
    }
    refresh();
  }

  function refresh() {
    for (const li of cards) {
      const button = /** @type {HTMLElement} */ (li.querySelector('button.pick'));
      const id = /** @type {string} */ (button.dataset.id);
      const at = answer.indexOf(id);
      button.setAttribute('aria-pressed', String(at >= 0));
      const badge = /** @type {HTMLElement} */ (button.querySelector('.badge'));
      badge.textContent = mode === 'label' ? (at < 0 ? t('answer.no') : t('answer.yes'))
        : at < 0 ? '' : mode === 'order' ? `#${fmt(at + 1, 0)}` : mode === 'flag' ? t('answer.flagged') : t('answer.picked');
      if (mode === 'label') button.setAttribute('aria-label', `${byId.get(id)?.name ?? id}: ${at < 0 ? t('answer.no') : t('answer.yes')}, ${exercise.label}?`);
    }
    const total = exercise.candidates.length;
    counter.textContent = mode === 'pick' ? t('counter.picked', { n: answer.length, of: exercise.picks })
      : mode === 'order' ? t('counter.placed', { n: answer.length, of: total })
        : mode === 'label' ? t('counter.labelled', { yes: answer.length, no: total - answer.length })
          : t('counter.flagged', { n: answer.length });
    submit.disabled = mode === 'pick' ? answer.length !== exercise.picks : mode === 'order' ? answer.length !== total : false;
  }

  async function onSubmit() {
    submit.disabled = true;
    try {
      const result = await call(`classes/${m?.classId}/exercises/${encodeURIComponent(exercise.id)}/submissions`,
        { method: 'POST', body: { answer }, token: m?.token });
      renderFeedback(result, false);
      announce(result.scored ? t('exercise.scored', { score: fmt(result.score) }) : t('exercise.recorded'));
    } catch (e) {
      announce(e instanceof ApiError ? t('exercise.notSubmitted', { reason: e.message }) : t('error.unreachable'), 'error');
    } finally {
      refresh();
    }
  }

  /**
   * @param {any} result a submission result
   * @param {boolean} earlierAttempt
   */
  function renderFeedback(result, earlierAttempt) {
    const f = result.feedback;
    const highlightOf = (/** @type {string} */ id) => highlightFor(exercise, byId.get(id));
    // For picks, the truth is the whole ordering: the best `picks` are the right answer.
    /** @param {string[]} ids */
    const top = (ids) => (mode === 'pick' ? ids.slice(0, exercise.picks) : ids);
    const truthSet = new Set(top(f.truth));
    /** @param {string} title @param {string[]} ids @param {boolean} mark @param {boolean} [explained] drawn with the exercise's highlight */
    const column = (title, ids, mark, explained = false) => h('section', { class: explained ? 'column explained' : 'column' },
      h('h3', {}, title),
      ids.length === 0 ? h('p', {}, t('feedback.none')) : h('ol', { class: 'mini-cards' }, ...ids.map((id) => {
        const c = byId.get(id);
        const right = mode !== 'order' && mark ? (truthSet.has(id) ? ' ✓' : ' ✗') : '';
        const [width, height] = explained ? [240, 220] : [120, 90];
        return h('li', { class: right === ' ✓' ? 'right' : right === ' ✗' ? 'wrong' : undefined },
          h('img', {
            src: depictionUrl(id, membership()?.version, width, height, explained ? highlightOf(id) : undefined),
            alt: `${t('drawing.structureOf', { name: c?.name ?? id })}${explained ? `, ${t(`highlight.${highlightOf(id).kind}`)}` : ''}`, width, height, loading: 'lazy',
          }),
          h('span', {}, `${c?.name ?? id}${right}`));
      })));
    const yours = result.answer ?? [];
    feedback.replaceChildren(
      h('h2', { id: 'feedback-heading' }, earlierAttempt ? t('feedback.earlier') : t('feedback.title')),
      h('p', { class: 'score-line' },
        h('span', { class: 'score-value', 'data-testid': 'score' }, t('exercise.yourScore', { score: fmt(result.score) })),
        result.modelScore !== null && result.modelScore !== undefined ? ` · ${t('feedback.modelScored', { score: fmt(result.modelScore) })}` : '',
        h('span', { 'data-testid': 'feedback-measure' }, ` (${f.measure})`)),
      result.scored ? '' : h('p', {}, t('feedback.notScored')),
      h('div', { class: 'columns' },
        column(mode === 'label' ? t('feedback.youSaidYes') : t('feedback.yourAnswer'), yours, true),
        f.modelAnswer.length > 0 || (mode === 'label' && result.modelScore !== null && result.modelScore !== undefined)
          ? column(mode === 'label' ? t('feedback.modelSaysYes') : t('feedback.modelAnswer'), top(f.modelAnswer), true) : null,
        column(mode === 'flag' ? t('feedback.breakers') : mode === 'label' ? t('feedback.measured', { label: exercise.label ?? '' }) : t('feedback.truth'), top(f.truth), false, true)),
      h('h3', {}, t('feedback.why')),
      h('ul', { class: 'explanations' }, ...f.explanations.map((/** @type {string} */ e) => h('li', {}, e))),
      evidence(f.evidence));
    feedback.hidden = false;
  }

  /**
   * The model's evidence: each compound's nearest training compounds, drawn, with their similarity
   * and measured value (what the model learned from).
   * @param {Record<string, {id: string, name: string, similarity: number, measured: number}[]> | null | undefined} byCompound
   */
  function evidence(byCompound) {
    if (!byCompound || Object.keys(byCompound).length === 0) return '';
    const ids = exercise.candidates.map((/** @type {any} */ c) => c.id).filter((/** @type {string} */ id) => byCompound[id]);
    return h('section', { class: 'evidence', 'aria-labelledby': 'evidence-heading' },
      h('h3', { id: 'evidence-heading' }, t('evidence.title')),
      h('p', { class: 'hint' }, t('evidence.hint')),
      ...ids.map((/** @type {string} */ id) => h('div', { class: 'evidence-row' },
        h('span', { class: 'evidence-for' }, byId.get(id)?.name ?? id),
        h('ol', { class: 'neighbours' }, ...byCompound[id].map((n) => h('li', {},
          h('img', { src: depictionUrl(n.id, membership()?.version, 110, 85), alt: t('drawing.structureOf', { name: n.name }), width: 110, height: 85, loading: 'lazy' }),
          h('span', {}, t('evidence.neighbour', { name: n.name, similarity: fmt(n.similarity, 2), measured: fmt(n.measured, 2) }))))))));
  }
}

/**
 * What the truth's drawings explain: the change from its partner in a matched pair, shared
 * environments for a query, structural alerts for a PAINS check, polar surface for blood-brain
 * barrier labels, logP contributions otherwise.
 * @param {any} exercise
 * @param {any} [candidate]
 * @returns {import('./api.js').Highlight}
 */
function highlightFor(exercise, candidate) {
  if (candidate?.partner) return { kind: 'similarity', query: candidate.partner.smiles };
  if (exercise.query) return { kind: 'similarity', query: exercise.query.smiles };
  if (exercise.kind === 'RuleCheck') return { kind: exercise.rules === 'pains' ? 'pains' : 'logp' };
  if (exercise.kind === 'Classify') return { kind: 'tpsa' };
  return { kind: 'logp' };
}

/** @param {'pick' | 'order' | 'flag' | 'label'} mode @param {number} picks @param {string} [label] @param {string} [rules] */
function instructions(mode, picks, label, rules) {
  if (mode === 'label') return t('instructions.label', { label: label ?? '' });
  if (mode === 'pick') return plural('instructions.pick', picks);
  if (mode === 'order') return t('instructions.order');
  return rules === 'pains' ? t('instructions.pains') : t('instructions.rules');
}

/**
 * A molecule card: the drawing, the name, and the lookup descriptors on demand.
 * @param {any} c candidate view
 * @param {number} version dataset version of the class
 * @param {(() => void) | null} onPick null for a card that cannot be picked (the query)
 */
export function card(c, version, onPick) {
  // A matched pair shows the partner, then the analogue with what differs from it coloured.
  const picture = c.partner
    ? h('span', { class: 'pair' },
      h('img', { src: depictionUrl(c.partner.id, version, 150, 120), alt: t('drawing.partner', { name: c.partner.name }), width: 150, height: 120, loading: 'lazy' }),
      h('span', { class: 'pair-arrow', 'aria-hidden': 'true' }, '→'),
      h('img', {
        src: depictionUrl(c.id, version, 220, 200, { kind: 'similarity', query: c.partner.smiles }),
        alt: t('drawing.differs', { name: c.name, partner: c.partner.name }), width: 220, height: 200, loading: 'lazy',
      }))
    : h('img', { src: depictionUrl(c.id, version, 220, 165), alt: t('drawing.structureOf', { name: c.name }), width: 220, height: 165, loading: 'lazy' });
  const properties = h('details', { class: 'properties' },
    h('summary', {}, t('properties.title')),
    h('dl', {},
      h('dt', {}, t('properties.molWt')), h('dd', {}, fmt(c.molWt)),
      h('dt', {}, t('properties.logP')), h('dd', {}, fmt(c.molLogP, 2)),
      h('dt', {}, t('properties.tpsa')), h('dd', {}, fmt(c.tpsa)),
      h('dt', {}, t('properties.donors')), h('dd', {}, fmt(c.hDonors, 0)),
      h('dt', {}, t('properties.acceptors')), h('dd', {}, fmt(c.hAcceptors, 0)),
      h('dt', {}, t('properties.rotatable')), h('dd', {}, fmt(c.rotatableBonds, 0)),
      h('dt', {}, 'SMILES'), h('dd', { class: 'smiles', dir: 'ltr' }, c.smiles)));
  if (!onPick) {
    return h('div', { class: 'card query-card' }, picture, h('span', { class: 'name' }, c.name), properties);
  }
  const name = c.partner ? `${c.partner.name} → ${c.name}` : c.name;
  return h('li', { class: c.partner ? 'card pair-card' : 'card' },
    h('button', { type: 'button', class: 'pick', 'aria-pressed': 'false', 'data-id': c.id, onclick: onPick },
      picture, h('span', { class: 'name' }, name), h('span', { class: 'badge' })),
    properties);
}
