// @ts-check
import { ApiError, apiBase, call } from './api.js';
import { announce, h, kindName, show } from './dom.js';
import { isIngesting } from './progress.js';
import { instructorSecret, rememberInstructorSecret } from './session.js';
import { leaderboardTable } from './student.js';
import { uploadPanel } from './upload.js';
import { campaignReports } from './campaign-report.js';
import { insightsDashboard } from './insights.js';
import { reviewPanel } from './review.js';
import { languages } from './i18n.js';

let timer = 0;
/** True once the instructor says they signed in with Entra ID (no key to send). */
let signedIn = false;

/** The instructor's view: datasets with ingestion progress, a class builder and class results. */
export async function instructorView() {
  window.clearTimeout(timer);
  const key = /** @type {HTMLInputElement} */ (h('input', { id: 'key', type: 'password', autocomplete: 'off', value: instructorSecret() }));
  const datasets = h('div', { id: 'datasets' }, 'Loading datasets…');
  const results = h('div', { id: 'results' });
  const myClasses = h('div', { id: 'myClasses', 'aria-live': 'polite' });
  const coClass = /** @type {HTMLSelectElement} */ (h('select', { id: 'coClass' }));
  const coId = /** @type {HTMLInputElement} */ (h('input', { id: 'coId', autocomplete: 'off', placeholder: 'their account id or Entra object id' }));
  const classId = /** @type {HTMLInputElement} */ (h('input', { id: 'classId', autocomplete: 'off' }));
  const created = h('div', { id: 'created', 'aria-live': 'polite' });
  const datasetChoice = /** @type {HTMLSelectElement} */ (h('select', { id: 'dataset' }));
  const className = /** @type {HTMLInputElement} */ (h('input', { id: 'className', value: 'Solubility practice', maxlength: 80 }));
  const property = /** @type {HTMLInputElement} */ (h('input', { id: 'property', placeholder: "the dataset's own words", maxlength: 80 }));
  const classLanguage = /** @type {HTMLSelectElement} */ (h('select', { id: 'classLanguage' }, h('option', { value: '' }, "each student's browser language"),
    ...languages.map((l) => h('option', { value: l.code, lang: l.code }, l.name))));

  show(
    h('h1', {}, 'Instructor'),
    h('form', { class: 'panel', onsubmit: (/** @type {Event} */ e) => { e.preventDefault(); rememberInstructorSecret(key.value); announce('Key kept for this tab.'); refreshClasses(); } },
      h('label', { for: 'key' }, 'Instructor key (x-functions-key)'), key,
      h('button', { type: 'submit' }, 'Use key'),
      h('p', { class: 'hint' }, 'Where this instance uses Entra ID: ', h('a', { href: '/.auth/login/aad?post_login_redirect_uri=/api/app/%23/instructor' }, "sign in with your organisation's account"), ' instead of a key.')),
    h('h2', {}, 'Datasets'), datasets,
    h('h2', {}, 'Upload a dataset'),
    uploadPanel(() => instructorSecret() || key.value, refreshDatasets),
    h('h2', {}, 'New class'),
    h('form', { class: 'panel', onsubmit: onCreate },
      h('label', { for: 'className' }, 'Class name'), className,
      h('label', { for: 'dataset' }, 'Dataset (served version)'), datasetChoice,
      h('label', { for: 'property' }, 'What the measured value is (optional)'), property,
      h('label', { for: 'classLanguage' }, "Students' language (each student may choose another)"), classLanguage,
      h('button', { type: 'submit', class: 'primary' }, 'Create class with one exercise of each kind that fits the dataset')),
    created,
    h('h2', {}, 'Your classes'),
    myClasses,
    h('form', { class: 'panel', onsubmit: onAddCoInstructor },
      h('label', { for: 'coClass' }, 'Class you own'), coClass,
      h('label', { for: 'coId' }, 'Co-instructor id'), coId,
      h('button', { type: 'submit' }, 'Add co-instructor')),
    h('h2', {}, 'Class results'),
    h('form', { class: 'panel', onsubmit: onResults },
      h('label', { for: 'classId' }, 'Class id'), classId,
      h('button', { type: 'submit' }, 'Show results')),
    results);
  await refreshDatasets();
  await refreshClasses();

  /** The classes the caller owns or co-teaches, each with its results and (for the owner) a two-step delete. */
  async function refreshClasses() {
    const secret = instructorSecret() || key.value;
    if (!secret && !signedIn) {
      // Signed in with Entra ID, the request carries App Service Authentication's cookie instead of a key.
      myClasses.replaceChildren(h('p', {}, 'Enter your instructor key, or ',
        h('button', { type: 'button', onclick: () => { signedIn = true; refreshClasses(); } }, 'show my classes (signed in with Entra ID)')));
      return;
    }
    try {
      const list = await call('classes', { key: secret });
      coClass.replaceChildren(...list.filter((/** @type {any} */ c) => c.role !== 'co-instructor').map((/** @type {any} */ c) => h('option', { value: c.classId }, `${c.name} (${c.classId})`)));
      myClasses.replaceChildren(list.length === 0 ? h('p', {}, 'No classes yet.') : h('table', {},
        h('thead', {}, h('tr', {}, ...['Class', 'Join code', 'Dataset', 'Status', 'Your role', 'Co-instructors', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...list.map((/** @type {any} */ c) => {
          const actions = h('td', {}, h('button', { type: 'button', onclick: () => onReview(c.classId) }, c.status === 'draft' ? 'Review and publish' : 'Review'),
            ' ', h('button', { type: 'button', onclick: () => { classId.value = c.classId; onResults(new Event('submit')); } }, 'Results'),
            ' ', h('button', { type: 'button', onclick: () => onInsights(c) }, 'Insights'));
          if (c.role !== 'co-instructor') {
            const remove = h('button', {
              type: 'button', class: 'danger', onclick: () => remove.replaceWith(h('button', {
                type: 'button', class: 'danger', onclick: () => onDelete(c),
              }, `Confirm: delete ${c.name} and all its students' data`)),
            }, 'Delete');
            actions.append(' ', remove);
          }
          return h('tr', {}, h('th', { scope: 'row' }, c.name), h('td', {}, c.code), h('td', {}, `${c.datasetId} v${c.version}`),
            h('td', {}, h('span', { class: `status-tag ${c.status}` }, c.status)), h('td', {}, c.role), h('td', {}, c.coInstructors.join(', ') || '—'), actions);
        }))));
    } catch (e) {
      myClasses.replaceChildren(h('p', {}, e instanceof ApiError ? `Your classes cannot be listed: ${e.message}` : 'Could not reach MedEdu.'));
    }
  }

  /** Opens a class's review (preview, edits, publish) in the results area. @param {string} id */
  async function onReview(id) {
    try {
      results.replaceChildren(await reviewPanel(id, () => instructorSecret() || key.value, refreshClasses));
      results.scrollIntoView();
    } catch (e) {
      announce(e instanceof ApiError ? `No review: ${e.message}` : 'Could not reach MedEdu.', 'error');
    }
  }

  /** @param {any} c */
  async function onInsights(c) {
    const secret = instructorSecret() || key.value;
    const id = encodeURIComponent(c.classId);
    try {
      const [report, campaigns] = await Promise.all([call(`classes/${id}/insights`, { key: secret }), call(`classes/${id}/campaigns`, { key: secret })]);
      const exercises = (report.exercises ?? []).map((/** @type {any} */ e) => ({ id: e.id, label: `${kindName(e.kind)}, level ${e.difficulty} (${e.id})` }));
      const setNext = async (/** @type {string} */ studentId, /** @type {string} */ exerciseId, /** @type {string} */ note) => {
        try {
          await call(`classes/${id}/students/${encodeURIComponent(studentId)}/next`, { method: 'PUT', key: secret, body: { exerciseId, note } });
          announce('Next exercise set; the student sees it with your note until they answer it.');
        } catch (e) {
          announce(e instanceof ApiError ? `Could not set the next exercise: ${e.message}` : 'Could not reach MedEdu.', 'error');
        }
      };
      results.replaceChildren(h('h3', {}, c.name), insightsDashboard(report, () => download(`classes/${id}/insights?format=csv`, `class-${c.classId}-insights.csv`, secret), exercises, setNext),
        campaigns.length === 0 ? '' : campaignReports(campaigns, (exerciseId) => download(`classes/${id}/campaigns/${encodeURIComponent(exerciseId)}?format=csv`, `class-${c.classId}-${exerciseId}.csv`, secret)));
      results.scrollIntoView();
    } catch (e) {
      announce(e instanceof ApiError ? `No insights: ${e.message}` : 'Could not reach MedEdu.', 'error');
    }
  }

  /** @param {any} c */
  async function onDelete(c) {
    try {
      const erased = await call(`classes/${encodeURIComponent(c.classId)}`, { method: 'DELETE', key: instructorSecret() || key.value });
      announce(`Deleted ${c.name}: ${erased.students} students and ${erased.submissions} submissions erased.`);
      await refreshClasses();
    } catch (e) {
      announce(e instanceof ApiError ? `Not deleted: ${e.message}` : 'Could not reach MedEdu.', 'error');
    }
  }

  /** @param {Event} event */
  async function onAddCoInstructor(event) {
    event.preventDefault();
    try {
      await call(`classes/${encodeURIComponent(coClass.value)}/instructors`, { method: 'POST', key: instructorSecret() || key.value, body: { instructorId: coId.value.trim() } });
      announce(`Added ${coId.value.trim()} as a co-instructor.`);
      coId.value = '';
      await refreshClasses();
    } catch (e) {
      announce(e instanceof ApiError ? `Not added: ${e.message}` : 'Could not reach MedEdu.', 'error');
    }
  }

  async function refreshDatasets() {
    const list = await call('datasets');
    const statuses = await Promise.all(list.map((/** @type {any} */ d) => call(`datasets/${encodeURIComponent(d.id)}`)));
    datasetChoice.replaceChildren(...statuses.filter((s) => s.readyVersion).map((s) => h('option', { value: s.id }, `${s.name} (v${s.readyVersion})`)));
    let running = false;
    datasets.replaceChildren(statuses.length === 0 ? h('p', {}, 'No datasets registered yet.') : h('table', {},
      h('thead', {}, h('tr', {}, ...['Dataset', 'Served', 'Latest', 'Status', 'Progress'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...statuses.map((s) => {
        const latest = s.versions[s.versions.length - 1];
        const ing = s.ingestion;
        const live = isIngesting(s);
        running ||= live;
        const p = ing?.progress;
        return h('tr', {},
          h('th', { scope: 'row' }, s.name), h('td', {}, s.readyVersion ?? '—'), h('td', {}, s.latestVersion),
          h('td', {}, latest ? `${latest.status} (${latest.stored} stored, ${latest.quarantined} quarantined)` : '—'),
          h('td', {}, live && p ? h('span', {}, h('progress', { max: 100, value: p.percent, 'aria-label': `${s.name} ingestion` }), ` ${p.phase} ${p.percent}%`) : ''));
      }))));
    if (running) timer = window.setTimeout(refreshDatasets, 2000);
  }

  /** @param {Event} event */
  async function onCreate(event) {
    event.preventDefault();
    try {
      const cls = await call('classes', {
        method: 'POST', key: instructorSecret() || key.value,
        body: { name: className.value, datasetId: datasetChoice.value, property: property.value.trim() || undefined, language: classLanguage.value || undefined },
      });
      classId.value = cls.classId;
      created.replaceChildren(h('p', { class: 'panel' }, 'Class ', h('strong', {}, cls.name), ' created as a draft. Join code: ',
        h('strong', { class: 'join-code' }, cls.code), ` · class id ${cls.classId} · ${cls.exercises.length} exercises: `,
        cls.exercises.map((/** @type {any} */ e) => kindName(e.kind)).join(', '),
        '. Students can join once you have reviewed and published it (below).'));
      announce(`Class created as a draft; review it, then publish. The join code is ${cls.code}.`);
      await refreshClasses();
      await onReview(cls.classId);
    } catch (e) {
      announce(e instanceof ApiError ? `Not created: ${e.message}` : 'Could not reach MedEdu.', 'error');
    }
  }

  /** @param {Event} event */
  async function onResults(event) {
    event.preventDefault();
    const id = encodeURIComponent(classId.value.trim());
    const secret = instructorSecret() || key.value;
    try {
      const rows = await call(`classes/${id}/results`, { key: secret });
      const button = h('button', { type: 'button', onclick: () => download(`classes/${id}/results?format=csv`, `class-${classId.value.trim()}-results.csv`, secret) }, 'Download results (CSV)');
      results.replaceChildren(leaderboardTable(rows), button);
    } catch (e) {
      announce(e instanceof ApiError ? `No results: ${e.message}` : 'Could not reach MedEdu.', 'error');
    }
  }
}

/**
 * Downloads an instructor CSV (the key goes in a header, so a plain link cannot fetch it).
 * @param {string} path @param {string} fileName @param {string} secret
 */
async function download(path, fileName, secret) {
  const response = await fetch(`${apiBase}${path}`, { headers: { 'x-functions-key': secret } });
  const url = URL.createObjectURL(await response.blob());
  const a = h('a', { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** Stops the instructor view's polling. */
export function leaveInstructorView() {
  window.clearTimeout(timer);
}
