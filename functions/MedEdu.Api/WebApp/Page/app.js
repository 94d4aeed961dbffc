// @ts-check
import { ApiError } from './api.js';
import { announce, h, show } from './dom.js';
import { apply, chooseLanguage, language, languages, setClassLanguage, t } from './i18n.js';
import { exerciseView } from './exercise.js';
import { instructorView, leaveInstructorView } from './instructor.js';
import { stopWatching } from './progress.js';
import { membership } from './session.js';
import { exercisesView, joinView, leaderboardView } from './student.js';

/** Hash routes: #/ (exercises or join), #/join, #/exercise/{id}, #/leaderboard, #/instructor. */
async function route() {
  leaveInstructorView();
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const parts = hash.split('/').filter(Boolean);
  const m = membership();
  setClassLanguage(m?.language);
  chrome();
  const who = /** @type {HTMLElement} */ (document.getElementById('who'));
  who.textContent = m ? `${m.displayName} · ${m.className}` : '';
  try {
    if (parts[0] === 'instructor') {
      stopWatching();
      await instructorView();
    } else if (parts[0] === 'join' || !m) {
      stopWatching();
      joinView();
    } else if (parts[0] === 'exercise' && parts[1]) {
      await exerciseView(decodeURIComponent(parts[1]));
    } else if (parts[0] === 'leaderboard') {
      await leaderboardView();
    } else {
      await exercisesView();
    }
  } catch (e) {
    const message = e instanceof ApiError ? `${e.title}: ${e.message}` : t('error.unreachable');
    show(h('h1', {}, t('error.title')), h('p', {}, message), h('p', {}, h('a', { href: '#/' }, t('error.back'))));
    announce(message, 'error');
  }
}

/** The page's frame (skip link, navigation, footer, title, language picker) in the page's language. */
function chrome() {
  apply();
  document.title = t('chrome.title');
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(/** @type {string} */ (element.getAttribute('data-i18n')));
  for (const element of document.querySelectorAll('[data-i18n-label]')) element.setAttribute('aria-label', t(/** @type {string} */ (element.getAttribute('data-i18n-label'))));
  const picker = /** @type {HTMLSelectElement} */ (document.getElementById('language'));
  if (picker.options.length === 0) {
    picker.append(...languages.map((l) => h('option', { value: l.code, lang: l.code }, l.name)));
    picker.addEventListener('change', () => { chooseLanguage(picker.value); route(); });
  }
  picker.value = language();
}

window.addEventListener('hashchange', route);
route();
