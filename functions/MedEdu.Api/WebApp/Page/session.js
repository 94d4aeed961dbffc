// @ts-check
/** What the browser remembers: the student's class membership (token) and the instructor key. */

/**
 * @typedef {{classId: string, studentId: string, displayName: string, token: string, className: string, datasetId: string, version: number, language?: string | null}} Membership
 */

const studentKey = 'mededu.student';
const instructorKey = 'mededu.instructorKey';

/** @returns {Membership | null} */
export function membership() {
  const raw = localStorage.getItem(studentKey);
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    localStorage.removeItem(studentKey);
    return null;
  }
}

/** @param {Membership} m */
export function remember(m) {
  localStorage.setItem(studentKey, JSON.stringify(m));
}

export function forget() {
  localStorage.removeItem(studentKey);
}

/** The instructor key lives only for this tab. */
export function instructorSecret() {
  return sessionStorage.getItem(instructorKey) ?? '';
}

/** @param {string} key */
export function rememberInstructorSecret(key) {
  sessionStorage.setItem(instructorKey, key);
}
