// @ts-check
import { ApiError } from './api.js';
import { announce, h, show } from './dom.js';
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
    const message = e instanceof ApiError ? `${e.title}: ${e.message}` : 'MedEdu could not be reached; try again.';
    show(h('h1', {}, 'Something went wrong'), h('p', {}, message), h('p', {}, h('a', { href: '#/' }, 'Back to the start')));
    announce(message, 'error');
  }
}

window.addEventListener('hashchange', route);
route();
