// @ts-check
import { ApiError, call, depictionUrl } from './api.js';
import { campaignView } from './campaign.js';
import { announce, fmt, h, kindNames, show } from './dom.js';
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
  const submit = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'primary', onclick: onSubmit }, 'Submit answer'));
  const reset = h('button', { type: 'button', onclick: () => { answer = []; refresh(); } }, mode === 'order' ? 'Clear order' : mode === 'label' ? 'All back to "no"' : 'Clear picks');
  const feedback = h('section', { class: 'feedback', 'aria-labelledby': 'feedback-heading', hidden: true });
  const cards = exercise.candidates.map((/** @type {any} */ c) => card(c, m.version, () => toggle(c.id)));

  const earlier = submissions.find((/** @type {any} */ s) => s.exerciseId === exercise.id && s.scored);
  show(
    h('h1', {}, `${kindNames[exercise.kind] ?? exercise.kind} · level ${exercise.difficulty}`),
    h('p', { class: 'prompt' }, exercise.prompt),
    exercise.query ? h('section', { class: 'query', 'aria-labelledby': 'query-heading' },
      h('h2', { id: 'query-heading' }, 'Query compound'),
      card(exercise.query, m.version, null)) : null,
    h('h2', {}, 'Candidates'),
    h('p', { class: 'hint' }, instructions(mode, exercise.picks, exercise.label ?? undefined, exercise.rules ?? undefined)),
    h('ul', { class: 'cards', 'aria-label': 'Candidate compounds' }, ...cards),
    h('div', { class: 'actions' }, counter, reset, submit),
    feedback,
    h('p', {}, h('a', { href: '#/' }, '← Back to the exercises')));
  refresh();
  if (earlier) renderFeedback(earlier, true);

  /** @param {string} id */
  function toggle(id) {
    const at = answer.indexOf(id);
    if (at >= 0) {
      answer.splice(at, 1);
    } else if (mode === 'pick' && answer.length >= exercise.picks) {
      announce(`You have already picked ${exercise.picks}; unpick one first.`);
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
      badge.textContent = mode === 'label' ? (at < 0 ? 'no' : 'yes')
        : at < 0 ? '' : mode === 'order' ? `#${at + 1}` : mode === 'flag' ? 'flagged' : 'picked';
      if (mode === 'label') button.setAttribute('aria-label', `${byId.get(id)?.name ?? id}: ${at < 0 ? 'no' : 'yes'}, ${exercise.label}?`);
    }
    const total = exercise.candidates.length;
    counter.textContent = mode === 'pick' ? `${answer.length} of ${exercise.picks} picked`
      : mode === 'order' ? `${answer.length} of ${total} placed`
        : mode === 'label' ? `${answer.length} labelled yes, ${total - answer.length} no`
          : `${answer.length} flagged`;
    submit.disabled = mode === 'pick' ? answer.length !== exercise.picks : mode === 'order' ? answer.length !== total : false;
  }

  async function onSubmit() {
    submit.disabled = true;
    try {
      const result = await call(`classes/${m?.classId}/exercises/${encodeURIComponent(exercise.id)}/submissions`,
        { method: 'POST', body: { answer }, token: m?.token });
      renderFeedback(result, false);
      announce(result.scored ? `Scored: ${fmt(result.score)} out of 100.` : 'Recorded. Only your first answer is scored.');
    } catch (e) {
      announce(e instanceof ApiError ? `Not submitted: ${e.message}` : 'Could not reach MedEdu.', 'error');
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
      ids.length === 0 ? h('p', {}, 'None.') : h('ol', { class: 'mini-cards' }, ...ids.map((id) => {
        const c = byId.get(id);
        const right = mode !== 'order' && mark ? (truthSet.has(id) ? ' ✓' : ' ✗') : '';
        const [width, height] = explained ? [240, 220] : [120, 90];
        return h('li', { class: right === ' ✓' ? 'right' : right === ' ✗' ? 'wrong' : undefined },
          h('img', {
            src: depictionUrl(id, membership()?.version, width, height, explained ? highlightOf(id) : undefined),
            alt: `Structure of ${c?.name ?? id}${explained ? `, ${highlightNames[highlightOf(id).kind]}` : ''}`, width, height, loading: 'lazy',
          }),
          h('span', {}, `${c?.name ?? id}${right}`));
      })));
    const yours = result.answer ?? [];
    feedback.replaceChildren(
      h('h2', { id: 'feedback-heading' }, earlierAttempt ? 'Your scored answer' : 'Feedback'),
      h('p', { class: 'score-line' },
        h('span', { class: 'score-value', 'data-testid': 'score' }, `Your score: ${fmt(result.score)}`),
        result.modelScore !== null && result.modelScore !== undefined ? ` · the model scored ${fmt(result.modelScore)}` : '',
        ` (${f.measure})`),
      result.scored ? '' : h('p', {}, 'This later attempt was recorded but not scored; the first one counts.'),
      h('div', { class: 'columns' },
        column(mode === 'label' ? 'You said yes' : 'Your answer', yours, true),
        f.modelAnswer.length > 0 || (mode === 'label' && result.modelScore !== null && result.modelScore !== undefined)
          ? column(mode === 'label' ? 'The model says yes (50% or more)' : "The model's answer", top(f.modelAnswer), true) : null,
        column(mode === 'flag' ? 'Compounds that break a rule' : mode === 'label' ? `Measured: ${exercise.label}` : 'The truth', top(f.truth), false, true)),
      h('h3', {}, 'Why'),
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
      h('h3', { id: 'evidence-heading' }, "The model's evidence: the nearest compounds it trained on"),
      h('p', { class: 'hint' }, 'A prediction is roughly what these neighbours measured; far neighbours (low similarity) or neighbours that disagree make it less trustworthy.'),
      ...ids.map((/** @type {string} */ id) => h('div', { class: 'evidence-row' },
        h('span', { class: 'evidence-for' }, byId.get(id)?.name ?? id),
        h('ol', { class: 'neighbours' }, ...byCompound[id].map((n) => h('li', {},
          h('img', { src: depictionUrl(n.id, membership()?.version, 110, 85), alt: `Structure of ${n.name}`, width: 110, height: 85, loading: 'lazy' }),
          h('span', {}, `${n.name}: Tanimoto ${fmt(n.similarity, 2)}, measured ${fmt(n.measured, 2)}`)))))));
  }
}

/** How each highlight is named in a drawing's alternative text. */
const highlightNames = {
  similarity: 'atoms coloured by whether their surroundings are shared with the query',
  logp: 'atoms coloured by their share of logP',
  tpsa: 'polar atoms sized by their share of the polar surface area',
  alerts: 'atoms of structural alerts highlighted',
  pains: 'atoms of PAINS alerts highlighted',
};

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
  if (mode === 'label') return `Every card starts as "no". Click each one that ${label} to label it "yes"; click again for "no".`;
  if (mode === 'pick') return `Click ${picks} ${picks === 1 ? 'compound to pick it' : 'compounds to pick them'}; click again to unpick.`;
  if (mode === 'order') return 'Click the compounds in order, the highest first; click a placed one to take it out.';
  return rules === 'pains' ? 'Click every compound that carries a PAINS alert.' : 'Click every compound that breaks Lipinski\'s or Veber\'s rules.';
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
      h('img', { src: depictionUrl(c.partner.id, version, 150, 120), alt: `Partner: structure of ${c.partner.name}`, width: 150, height: 120, loading: 'lazy' }),
      h('span', { class: 'pair-arrow', 'aria-hidden': 'true' }, '→'),
      h('img', {
        src: depictionUrl(c.id, version, 220, 200, { kind: 'similarity', query: c.partner.smiles }),
        alt: `Structure of ${c.name}, coloured where it differs from ${c.partner.name}`, width: 220, height: 200, loading: 'lazy',
      }))
    : h('img', { src: depictionUrl(c.id, version, 220, 165), alt: `Structure of ${c.name}`, width: 220, height: 165, loading: 'lazy' });
  const properties = h('details', { class: 'properties' },
    h('summary', {}, 'Properties'),
    h('dl', {},
      h('dt', {}, 'Molecular weight'), h('dd', {}, fmt(c.molWt)),
      h('dt', {}, 'logP (Crippen)'), h('dd', {}, fmt(c.molLogP, 2)),
      h('dt', {}, 'TPSA (Å²)'), h('dd', {}, fmt(c.tpsa)),
      h('dt', {}, 'H-bond donors'), h('dd', {}, c.hDonors),
      h('dt', {}, 'H-bond acceptors'), h('dd', {}, c.hAcceptors),
      h('dt', {}, 'Rotatable bonds'), h('dd', {}, c.rotatableBonds),
      h('dt', {}, 'SMILES'), h('dd', { class: 'smiles' }, c.smiles)));
  if (!onPick) {
    return h('div', { class: 'card query-card' }, picture, h('span', { class: 'name' }, c.name), properties);
  }
  const name = c.partner ? `${c.partner.name} → ${c.name}` : c.name;
  return h('li', { class: c.partner ? 'card pair-card' : 'card' },
    h('button', { type: 'button', class: 'pick', 'aria-pressed': 'false', 'data-id': c.id, onclick: onPick },
      picture, h('span', { class: 'name' }, name), h('span', { class: 'badge' })),
    properties);
}
