// @ts-check
import { call } from './api.js';
import { h } from './dom.js';

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
    ? ` Your class keeps using version ${classVersion} until your instructor moves it.`
    : '';
  banner.replaceChildren(
    h('span', { class: 'progress-text' },
      `${status.name}: version ${ingestion.version} is being ingested — ${p.phase}, ${p.chunksDone}/${p.chunksTotal} chunks, `
      + `${p.stored} compounds stored, ${p.quarantined} quarantined.${note}`),
    h('progress', { max: 100, value: p.percent, 'aria-label': `Ingestion ${p.percent}% done` }, `${p.percent}%`),
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
