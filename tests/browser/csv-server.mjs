// A local HTTP server that serves a CSV the way a dataset host would, and can hold its answer
// until the test releases it (so an ingestion can be watched while it is fetching).
import { createServer } from 'node:http';

/** @param {string} initial CSV text */
export async function startCsvServer(initial) {
  let body = initial;
  /** @type {(() => void) | null} */
  let gate = null;
  /** @type {(() => void)[]} */
  const waiting = [];
  let requests = 0;
  const server = createServer(async (req, res) => {
    requests++;
    if (gate) await new Promise((resolve) => waiting.push(() => resolve(undefined)));
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}/esol.csv`,
    get requests() { return requests; },
    /** Serves new content, held until release(). @param {string} next */
    holdWith(next) { body = next; gate = () => {}; },
    release() { gate = null; for (const go of waiting.splice(0)) go(); },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve(undefined)); }),
  };
}
