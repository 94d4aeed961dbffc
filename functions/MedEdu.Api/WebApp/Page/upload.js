// @ts-check
/** The instructor's file upload: a write-only URL from the API, the file straight to storage in blocks, then the registration. */
import { ApiError, call } from './api.js';
import { announce, h } from './dom.js';

/** Bytes per block: small enough for steady progress, large enough for few requests. */
const blockBytes = 2 * 1024 * 1024;

/**
 * The upload panel.
 * @param {() => string} secret the instructor key
 * @param {() => Promise<void>} registered called once a dataset is registered (to show its ingestion)
 */
export function uploadPanel(secret, registered) {
  const file = /** @type {HTMLInputElement} */ (h('input', { id: 'uploadFile', type: 'file', accept: '.csv,.smi,.smiles,.txt,text/csv' }));
  const id = /** @type {HTMLInputElement} */ (h('input', { id: 'uploadId', placeholder: 'from the file name', pattern: '[a-z0-9][a-z0-9-]{0,47}', maxlength: 48 }));
  const smiles = /** @type {HTMLInputElement} */ (h('input', { id: 'uploadSmiles', value: 'smiles', maxlength: 100 }));
  const name = /** @type {HTMLInputElement} */ (h('input', { id: 'uploadName', placeholder: 'optional', maxlength: 100 }));
  const value = /** @type {HTMLInputElement} */ (h('input', { id: 'uploadValue', placeholder: 'optional', maxlength: 100 }));
  const bar = /** @type {HTMLProgressElement} */ (h('progress', { id: 'uploadProgress', max: 100, value: 0, 'aria-label': 'upload progress' }));
  const status = h('span', { id: 'uploadStatus', 'aria-live': 'polite' });
  return h('form', { class: 'panel', onsubmit: onUpload },
    h('label', { for: 'uploadFile' }, 'CSV or SMILES file'), file,
    h('label', { for: 'uploadId' }, 'Dataset id'), id,
    h('label', { for: 'uploadSmiles' }, 'SMILES column (CSV)'), smiles,
    h('label', { for: 'uploadName' }, 'Name column (CSV)'), name,
    h('label', { for: 'uploadValue' }, 'Measured value column (CSV)'), value,
    h('button', { type: 'submit', class: 'primary' }, 'Upload and ingest'),
    h('p', {}, bar, ' ', status));

  /** @param {Event} event */
  async function onUpload(event) {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      announce('Choose a file first.', 'error');
      return;
    }
    try {
      const ticket = await call('uploads', { method: 'POST', key: secret(), body: { fileName: chosen.name } });
      if (chosen.size > ticket.maxBytes) throw new ApiError(413, 'Too large', `the file has ${chosen.size} bytes; the limit is ${ticket.maxBytes}`);
      await sendBlocks(ticket.uploadUrl, chosen, (sent) => {
        bar.value = Math.round((100 * sent) / Math.max(1, chosen.size));
        status.textContent = `uploaded ${bar.value}%`;
      });
      const fallbackId = chosen.name.toLowerCase().replace(/\.[^.]*$/, '').replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '').slice(0, 48);
      const dataset = await call('datasets', {
        method: 'POST', key: secret(),
        body: {
          upload: ticket.id, id: id.value.trim() || fallbackId || undefined,
          smilesColumn: smiles.value.trim() || undefined, nameColumn: name.value.trim() || undefined, valueColumn: value.value.trim() || undefined,
        },
      });
      status.textContent = `uploaded; ingesting as '${dataset.id}'`;
      announce(`Uploaded ${chosen.name}; ingesting it as dataset ${dataset.id}.`);
      await registered();
    } catch (e) {
      status.textContent = 'not uploaded';
      announce(e instanceof ApiError ? `Not uploaded: ${e.message}` : `Could not upload: ${e instanceof Error ? e.message : e}`, 'error');
    }
  }
}

/**
 * PUTs the file in blocks, then commits the block list (the Blob REST API).
 * @param {string} url the write-only upload URL
 * @param {Blob} content
 * @param {(sent: number) => void} progress
 */
async function sendBlocks(url, content, progress) {
  const ids = [];
  for (let start = 0, n = 0; start < content.size || n === 0; start += blockBytes, n++) {
    const blockId = btoa(`block-${String(n).padStart(6, '0')}`);
    await put(`${url}&comp=block&blockid=${encodeURIComponent(blockId)}`, content.slice(start, start + blockBytes));
    ids.push(blockId);
    progress(Math.min(content.size, start + blockBytes));
  }
  const list = `<?xml version="1.0" encoding="utf-8"?><BlockList>${ids.map((b) => `<Latest>${b}</Latest>`).join('')}</BlockList>`;
  await put(`${url}&comp=blocklist`, new Blob([list], { type: 'application/xml' }));
}

/**
 * @param {string} url
 * @param {Blob} body
 */
async function put(url, body) {
  const response = await fetch(url, { method: 'PUT', body, headers: { 'x-ms-version': '2023-11-03' } });
  if (!response.ok) {
    const text = await response.text();
    const message = /<Message>([^<\n]*)/.exec(text)?.[1] ?? response.statusText;
    throw new ApiError(response.status, 'Storage refused the upload', `storage answered ${response.status}: ${message}`);
  }
}
