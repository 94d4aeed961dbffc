// Starts the real MedEdu local host (built in Release) on Azurite for the browser test, on its own
// ports and task hub, with loopback dataset URLs allowed (the test serves a CSV from 127.0.0.1).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * @param {string} logFile where the host's output goes
 * @returns {Promise<{api: string, base: string, key: string, stop: () => Promise<void>}>}
 */
export async function startLocalHost(logFile) {
  const apiPort = 7091 + Math.floor(Math.random() * 400) * 2;
  const key = randomBytes(16).toString('hex');
  const dll = path.join(repoRoot, 'functions/MedEdu.LocalHost/bin/Release/net10.0/MedEdu.LocalHost.dll');
  const log = createWriteStream(logFile);
  const child = spawn('dotnet', [dll,
    `--LocalHost:ApiPort=${apiPort}`, `--LocalHost:SidecarPort=${apiPort + 1}`,
    `--LocalHost:TaskHub=Browser${randomBytes(4).toString('hex')}`,
    '--MedEdu:AllowLoopbackSources=true', `--MedEdu:InstructorKey=${key}`,
    `--MedEdu:BundledDatasetsPath=${path.join(repoRoot, 'datasets')}`,
    '--Logging:LogLevel:Default=Warning'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const base = `http://127.0.0.1:${apiPort}`;
  const api = `${base}/api`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the local host exited (${child.exitCode}); see ${logFile}`);
    try {
      if ((await fetch(`${api}/health`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`the local host did not answer within 60 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    api, base, key,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/**
 * JSON call to the API.
 * @param {string} url
 * @param {{method?: string, body?: unknown, key?: string, token?: string}} [options]
 */
export async function api(url, options = {}) {
  const headers = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.key) headers['x-functions-key'] = options.key;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(url, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${options.method ?? 'GET'} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Polls until the predicate holds.
 * @template T
 * @param {() => Promise<T>} read
 * @param {(value: T) => boolean} done
 * @param {number} timeoutMs
 * @param {string} what
 */
export async function waitFor(read, done, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await read();
    if (done(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
