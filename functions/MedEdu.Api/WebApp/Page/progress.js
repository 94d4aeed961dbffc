// @ts-check
import { call } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

let timer = 0;

/**
 * Whether a dataset status (GET /api/datasets/{id}) has an ingestion still running.
 * @param {any} status
 */
export function isIngesting(status) {
  return Boolean(status?.ingestion && ['Running', 'Pending'].includes(status.ingestion.runtimeStatus));
}

/**
 * Shows the dataset's running ingestion (phase, chunks, rows) in the banner and polls it until it ends.
 * @param {string} datasetId
 * @param {number} [classVersion] the version the class uses, to say which version students see
 */
export async function watchDataset(datasetId, classVersion) {
  window.clearTimeout(timer);
  const banner = /** @type {HTMLElement} */ (document.getElementById('progress'));
  let status;
  try {
    status = await call(`datasets/${encodeURIComponent(datasetId)}`);
  } catch {
    banner.hidden = true;
    return;
  }
  const ingestion = status.ingestion;
  if (!isIngesting(status)) {
    banner.hidden = true;
    return;
  }
  const p = ingestion.progress ?? { phase: 'starting', percent: 0, chunksDone: 0, chunksTotal: 0, stored: 0, quarantined: 0, totalRows: 0 };
  const note = classVersion && classVersion !== ingestion.version
    ? ` ${t('progress.keeps', { version: classVersion })}`
    : '';
  banner.replaceChildren(
    h('span', { class: 'progress-text' },
      t('progress.ingesting', { name: status.name, version: ingestion.version, phase: p.phase, done: p.chunksDone, total: p.chunksTotal, stored: p.stored, quarantined: p.quarantined }) + note),
    h('progress', { max: 100, value: p.percent, 'aria-label': t('progress.label', { percent: p.percent }) }, `${p.percent}%`),
  );
  banner.hidden = false;
  timer = window.setTimeout(() => watchDataset(datasetId, classVersion), 2000);
}

/** Stops polling and hides the banner. */
export function stopWatching() {
  window.clearTimeout(timer);
  const banner = document.getElementById('progress');
  if (banner) banner.hidden = true;
}
