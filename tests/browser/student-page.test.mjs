// The student web page in Debian's headless Chromium, against the real local host on Azurite:
// join a class, do a similarity hunt by clicking molecule cards, submit, see the score (checked
// against the API), the leaderboard, the instructor's results, an ingestion's progress, and a
// classification of BBBP compounds (crosses the blood-brain barrier or not).
// Screenshots go to artifacts/browser/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startCsvServer } from './csv-server.mjs';
import { api, repoRoot, startLocalHost, waitFor } from './localhost.mjs';

const artifacts = path.join(repoRoot, 'artifacts/browser');
mkdirSync(artifacts, { recursive: true });
/** The feedback's truth column holds highlighted drawings (of the given kind) that loaded. */
async function expectExplainedDrawings(page, srcPattern) {
  const images = page.locator('.column.explained img');
  assert.ok(await images.count() > 0, 'the truth column has drawings');
  assert.match(await images.first().getAttribute('src'), srcPattern);
  // The drawings load lazily: bring each into view.
  for (let i = 0; i < await images.count(); i++) await images.nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('.column.explained img')].every((i) => i.complete && i.naturalWidth > 0));
}

const shot = (page, name) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

// Chromium as Debian ships it; the flags keep it off the (closed) network at start.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const esol = readFileSync(path.join(repoRoot, 'datasets/esol-delaney.csv'), 'utf8');
const esolLines = esol.trimEnd().split('\n');
// The first 300 compounds: enough for every exercise kind, quick to ingest.
const version1 = esolLines.slice(0, 301).join('\n') + '\n';
const version2 = esolLines.slice(0, 321).join('\n') + '\n';

let host, csv, browser, datasetId, cls;

before(async () => {
  host = await startLocalHost(path.join(artifacts, 'localhost.log'));
  csv = await startCsvServer(version1);
  datasetId = `esol-browser-${Date.now().toString(36)}`;
  await api(`${host.api}/datasets`, {
    method: 'POST', key: host.key,
    body: { id: datasetId, name: 'ESOL (browser test)', url: csv.url, smilesColumn: 'smiles', nameColumn: 'Compound ID', valueColumn: 'measured log solubility in mols per litre' },
  });
  await waitFor(() => api(`${host.api}/datasets/${datasetId}`), (s) => s.readyVersion === 1 && s.ingestion?.runtimeStatus === 'Completed', 120_000, 'version 1 to be ready');
  cls = await api(`${host.api}/classes`, {
    method: 'POST', key: host.key,
    body: { publish: true, name: 'Pharmacy 101', datasetId, property: 'aqueous solubility', seed: 11, exercises: [{ kind: 'SimilarityHunt', difficulty: 1, count: 1 }, { kind: 'RuleCheck', difficulty: 1, count: 1 }, { kind: 'PropertyRanking', difficulty: 1, count: 1 }] },
  });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  csv?.release();
  await csv?.close();
  await host?.stop();
});

test('a student joins, does a similarity hunt by clicking molecule cards, submits and sees the score', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') failures.push(`console: ${m.text()}`); });

  await page.goto(`${host.base}/`);
  await page.getByRole('heading', { name: 'Join your class' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/api/app/');
  await page.getByLabel('Class code').fill(cls.code);
  await page.getByLabel('Display name').fill('Ada');
  await shot(page, '01-join');
  await page.getByRole('button', { name: 'Join class' }).click();

  await page.getByRole('heading', { name: 'Pharmacy 101' }).waitFor();
  await page.getByText('What to practise next').waitFor();
  // The student model's suggestion and a mastery bar per skill the class practises, as the API gives them.
  const plan = await api(`${host.api}/classes/${cls.classId}/next`, { token: await page.evaluate(() => JSON.parse(localStorage.getItem('mededu.student')).token) });
  assert.equal(await page.locator('.mastery-list meter').count(), plan.mastery.length);
  assert.match(await page.getByTestId('next-reason').textContent(), /% likely to get a .* right/);
  await shot(page, '02-exercises');
  await page.getByRole('link', { name: /Similarity hunt/ }).click();

  await page.getByRole('heading', { name: /Similarity hunt/ }).waitFor();
  const cards = page.locator('ul.cards button.pick');
  const exercise = await api(`${host.api}/classes/${cls.classId}/exercises/${cls.exercises.find((e) => e.kind === 'SimilarityHunt').id}`,
    { token: await page.evaluate(() => JSON.parse(localStorage.getItem('mededu.student')).token) });
  assert.equal(await cards.count(), exercise.candidates.length);
  // Every drawing (query and candidates) loads as a real SVG image.
  await page.waitForFunction(() => [...document.querySelectorAll('main img')].every((i) => i.complete && i.naturalWidth > 0));
  const images = await page.locator('main img').count();
  assert.equal(images, exercise.candidates.length + 1);
  const submit = page.getByRole('button', { name: 'Submit answer' });
  assert.equal(await submit.isDisabled(), true);

  // Pick three cards; a fourth is refused until one is unpicked.
  for (let i = 0; i < exercise.picks; i++) await cards.nth(i).click();
  await page.getByText(`${exercise.picks} of ${exercise.picks} picked`).waitFor();
  await cards.nth(exercise.picks).click();
  assert.equal(await cards.nth(exercise.picks).getAttribute('aria-pressed'), 'false');
  await cards.nth(0).click();
  await cards.nth(exercise.picks).click();
  const picked = await page.locator('ul.cards button.pick[aria-pressed="true"]').evaluateAll((b) => b.map((x) => x.dataset.id));
  assert.equal(picked.length, exercise.picks);
  await page.locator('ul.cards li').nth(1).getByText('Properties').click();
  await shot(page, '03-exercise-picked');

  assert.equal(await submit.isDisabled(), false);
  await submit.click();
  const score = page.getByTestId('score');
  await score.waitFor();
  const shown = Number((await score.textContent()).replace(/[^0-9.]/g, ''));
  await page.getByRole('heading', { name: 'The truth' }).waitFor();
  // The truth is drawn explained: atoms coloured by whether their surroundings are shared with the query, with a legend.
  await expectExplainedDrawings(page, /highlight=similarity&query=/);
  await shot(page, '04-feedback');

  // The page shows what the API scored, for exactly the picks made.
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('mededu.student')).token);
  const mine = await api(`${host.api}/classes/${cls.classId}/submissions`, { token });
  assert.equal(mine.length, 1);
  assert.deepEqual(mine[0].answer, picked);
  assert.equal(shown, mine[0].score);
  const truthNames = await page.locator('.columns .column').last().locator('li span').allTextContents();
  assert.equal(truthNames.length, exercise.picks);

  await page.getByRole('link', { name: 'Leaderboard' }).click();
  await page.getByRole('heading', { name: /Leaderboard/ }).waitFor();
  const row = page.locator('tr.me');
  assert.match(await row.textContent(), /Ada/);
  await shot(page, '05-leaderboard');

  // A rule check the same way: flag two compounds, submit, and the feedback lists the rule breakers.
  await page.getByRole('link', { name: 'Exercises', exact: true }).click();
  await page.getByRole('link', { name: /Rule check/ }).click();
  await page.getByRole('heading', { name: /Rule check/ }).waitFor();
  const ruleCards = page.locator('ul.cards button.pick');
  await ruleCards.nth(0).click();
  await ruleCards.nth(1).click();
  await page.getByText('2 flagged').waitFor();
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await page.getByRole('heading', { name: 'Compounds that break a rule' }).waitFor();
  const ruleScore = Number((await page.getByTestId('score').textContent()).replace(/[^0-9.]/g, ''));
  const after = await api(`${host.api}/classes/${cls.classId}/submissions`, { token });
  const rule = after.find((x) => x.exerciseId === cls.exercises.find((e) => e.kind === 'RuleCheck').id);
  assert.equal(rule.answer.length, 2);
  assert.equal(ruleScore, rule.score);
  await shot(page, '06-rule-check-feedback');

  // A property ranking: click every card in order; a placed card clicked again leaves the order.
  await page.getByRole('link', { name: 'Exercises', exact: true }).click();
  await page.getByRole('link', { name: /Property ranking/ }).click();
  await page.getByRole('heading', { name: /Property ranking/ }).waitFor();
  const rankCards = page.locator('ul.cards button.pick');
  const n = await rankCards.count();
  for (let i = n - 1; i >= 0; i--) await rankCards.nth(i).click();
  await page.getByText(`${n} of ${n} placed`).waitFor();
  assert.equal(await rankCards.nth(n - 1).locator('.badge').textContent(), '#1');
  await rankCards.nth(n - 1).click();
  await page.getByText(`${n - 1} of ${n} placed`).waitFor();
  assert.equal(await rankCards.nth(n - 2).locator('.badge').textContent(), '#1');
  await rankCards.nth(n - 1).click();
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await page.getByRole('heading', { name: 'The truth' }).waitFor();
  const ranked = (await api(`${host.api}/classes/${cls.classId}/submissions`, { token }))
    .find((x) => x.exerciseId === cls.exercises.find((e) => e.kind === 'PropertyRanking').id);
  const expectedOrder = await rankCards.evaluateAll((b) => b.map((x) => x.dataset.id));
  assert.deepEqual(ranked.answer, [...expectedOrder.slice(0, n - 1).reverse(), expectedOrder[n - 1]]);
  assert.equal(Number((await page.getByTestId('score').textContent()).replace(/[^0-9.]/g, '')), ranked.score);
  await expectExplainedDrawings(page, /highlight=logp/);
  // The model's evidence: three nearest training compounds per ranked compound, drawn.
  await page.getByRole('heading', { name: /The model's evidence/ }).waitFor();
  assert.equal(await page.locator('.evidence-row').count(), n);
  assert.equal(await page.locator('.evidence-row').first().locator('.neighbours li').count(), 3);
  assert.match(await page.locator('.evidence-row .neighbours li span').first().textContent(), /Tanimoto 0\.\d\d, measured -?\d/);
  await shot(page, '06b-ranking-feedback-logp');

  assert.deepEqual(failures, []);
  await context.close();
});

test('an instructor reviews a draft: the key beside the model, removes, regenerates, replaces a compound, rewords and publishes; only then can a student join', async () => {
  const draftName = `Draft class ${Date.now().toString(36)}`;
  const draft = await api(`${host.api}/classes`, {
    method: 'POST', key: host.key,
    body: { name: draftName, datasetId, seed: 31, exercises: [{ kind: 'SimilarityHunt', difficulty: 1, count: 1 }, { kind: 'RuleCheck', difficulty: 1, count: 1 }, { kind: 'PropertyRanking', difficulty: 1, count: 1 }] },
  });
  assert.equal(draft.status, 'draft');
  const early = await fetch(`${host.api}/classes/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: draft.code, displayName: 'Too early' }) });
  assert.equal(early.status, 409);
  assert.match((await early.json()).detail, /draft/);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  await page.goto(`${host.base}/api/app/#/instructor`);
  await page.getByRole('heading', { name: 'Instructor' }).waitFor();
  await page.getByLabel('Instructor key').fill(host.key);
  await page.getByRole('button', { name: 'Use key' }).click();
  const row = page.locator('#myClasses tr', { hasText: draftName });
  assert.match(await row.textContent(), /draft/);
  await row.getByRole('button', { name: 'Review and publish' }).click();
  await page.getByRole('heading', { name: new RegExp(`Review: ${draftName}`) }).waitFor();
  const items = page.locator('article.review-item');
  assert.equal(await items.count(), 3);

  // The ranking shows each compound's true place beside the model's, as the API's key has them.
  const review = await api(`${host.api}/classes/${draft.classId}/review`, { key: host.key });
  const ranking = review.exercises.find((e) => e.exercise.kind === 'PropertyRanking');
  const rankingRows = page.locator(`article[data-id="${ranking.exercise.id}"] tbody tr`);
  assert.equal(await rankingRows.count(), ranking.exercise.candidates.length);
  const top = ranking.key.truth[0];
  assert.match(await page.locator(`article[data-id="${ranking.exercise.id}"] tr[data-compound="${top}"]`).textContent(), /#1/);
  // The review alone (the instructor page above it grows with every class and dataset).
  await page.locator('section.review').screenshot({ path: path.join(artifacts, '07c-instructor-review-draft.png') });

  // Remove the hunt, regenerate the rule check, swap one of its passing compounds for another, reword the ranking.
  const hunt = review.exercises.find((e) => e.exercise.kind === 'SimilarityHunt').exercise.id;
  await page.getByRole('button', { name: `Remove ${hunt}` }).click();
  await page.locator(`article[data-id="${hunt}"]`).waitFor({ state: 'detached' });
  const rule = review.exercises.find((e) => e.exercise.kind === 'RuleCheck').exercise;
  await page.getByRole('button', { name: `Regenerate ${rule.id}` }).click();
  await page.getByText(`${rule.id} generated again with a new seed.`).waitFor();
  const regenerated = (await api(`${host.api}/classes/${draft.classId}/review`, { key: host.key })).exercises.find((e) => e.exercise.id === rule.id);
  assert.notDeepEqual(regenerated.exercise.candidates.map((c) => c.id), rule.candidates.map((c) => c.id));
  const shown = new Set(regenerated.exercise.candidates.map((c) => c.id));
  const passer = regenerated.exercise.candidates.find((c) => !regenerated.key.truth.includes(c.id));
  const compounds = await api(`${host.api}/datasets/${datasetId}/compounds?skip=0&take=200`);
  const spare = (compounds.items ?? compounds).find((c) => !shown.has(c.id) && c.properties.molWt <= 500 && c.properties.molLogP <= 5 && c.properties.numHDonors <= 5
    && c.properties.numHAcceptors <= 10 && c.properties.numRotatableBonds <= 10 && c.properties.tpsa <= 140);
  const ruleItem = page.locator(`article[data-id="${rule.id}"]`);
  await ruleItem.getByLabel(`Replace ${passer.name} with`).fill(spare.id);
  await ruleItem.getByRole('button', { name: 'Replace' }).first().click();
  await page.locator(`article[data-id="${rule.id}"] tr[data-compound="${spare.id}"]`).waitFor();
  const rankingItem = page.locator(`article[data-id="${ranking.exercise.id}"]`);
  await rankingItem.getByLabel('Prompt in your words').fill('Put these in order of solubility, most soluble first.');
  await rankingItem.getByRole('button', { name: `Save prompt of ${ranking.exercise.id}` }).click();
  await rankingItem.locator('p.prompt', { hasText: 'Put these in order of solubility' }).waitFor();

  await page.getByRole('button', { name: `Publish ${draftName}` }).click();
  await page.getByText(`${draftName} is published`).waitFor();
  await page.locator('#myClasses tr', { hasText: draftName }).getByText('published').waitFor();
  await page.locator('section.review').screenshot({ path: path.join(artifacts, '07d-instructor-review-published.png') });

  const joined = await api(`${host.api}/classes/join`, { method: 'POST', body: { code: draft.code, displayName: 'On time' } });
  const list = await api(`${host.api}/classes/${draft.classId}/exercises`, { token: joined.token });
  assert.deepEqual(list.map((e) => e.id).sort(), [rule.id, ranking.exercise.id].sort());
  assert.ok(list.some((e) => e.prompt === 'Put these in order of solubility, most soluble first.'));
  assert.deepEqual(failures, []);
  await context.close();
});

test('the instructor view lists results and shows a running ingestion\'s progress; so does the student page', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${host.base}/api/app/#/instructor`);
  await page.getByRole('heading', { name: 'Instructor' }).waitFor();
  await page.getByLabel('Instructor key').fill(host.key);
  await page.getByRole('button', { name: 'Use key' }).click();
  await page.getByLabel('Class id').fill(cls.classId);
  await page.getByRole('button', { name: 'Show results' }).click();
  await page.locator('#results table').waitFor();
  await shot(page, '07-instructor-results');

  // Your classes: the instance key is an administrator's; a class deleted from the page is gone with its students.
  const doomedName = `Doomed class ${Date.now().toString(36)}`;
  const doomed = await api(`${host.api}/classes`, {
    method: 'POST', key: host.key,
    body: { name: doomedName, datasetId, seed: 2, exercises: [{ kind: 'RuleCheck', difficulty: 1, count: 1 }] },
  });
  await page.reload();
  await page.getByRole('heading', { name: 'Instructor' }).waitFor();
  const row = page.locator('#myClasses tr', { hasText: doomedName });
  await row.waitFor();
  assert.match(await row.textContent(), /owner/); // the instance key's holder created it
  await page.locator('#myClasses tr', { hasText: cls.code }).waitFor();
  await row.getByRole('button', { name: 'Delete' }).click();
  await row.getByRole('button', { name: `Confirm: delete ${doomedName}` }).click();
  await page.getByText(`Deleted ${doomedName}: 0 students and 0 submissions erased.`).waitFor();
  await page.locator('#myClasses tr', { hasText: doomedName }).waitFor({ state: 'detached' });
  const gone = await fetch(`${host.api}/classes/${doomed.classId}/results`, { headers: { 'x-functions-key': host.key } });
  assert.equal(gone.status, 404);
  await shot(page, '07b-instructor-classes');

  // A refresh whose download is held open: the orchestration runs, and both views show its progress.
  csv.holdWith(version2);
  await api(`${host.api}/datasets/${datasetId}/refresh`, { method: 'POST', key: host.key });
  await page.reload();
  await page.getByRole('heading', { name: 'Instructor' }).waitFor();
  await page.locator('#datasets progress').waitFor({ timeout: 30_000 });
  await shot(page, '08-instructor-progress');

  const student = await context.newPage();
  await student.goto(`${host.base}/api/app/`);
  await student.getByLabel('Class code').fill(cls.code);
  await student.getByLabel('Display name').fill('Grace');
  await student.getByRole('button', { name: 'Join class' }).click();
  const banner = student.locator('#progress');
  await banner.getByText(/version 2 is being ingested/).waitFor({ timeout: 30_000 });
  assert.match(await banner.textContent(), /keeps using version 1/);
  await shot(student, '09-student-progress');

  csv.release();
  await waitFor(() => api(`${host.api}/datasets/${datasetId}`), (s) => s.readyVersion === 2 && s.ingestion?.runtimeStatus === 'Completed', 120_000, 'version 2 to be ready');
  await banner.waitFor({ state: 'hidden', timeout: 15_000 });
  await context.close();
});

test('an instructor uploads a file through the page: it goes to storage in blocks with a progress bar, then ingests', async () => {
  // A SYNTHETIC library (mededu synth: bundled molecules with substituents, computed logP) of 1,000
  // rows, each with a long note so the file (about 2.4 MB) spans two of the page's 2 MiB blocks:
  // the block path is exercised without ingesting a big library (bench-scale.sh uploads 100,000).
  const synth = path.join(tmpdir(), `mededu-synth-1000-${process.pid}.csv`);
  const file = path.join(tmpdir(), `mededu-upload-1000-${process.pid}.csv`);
  execFileSync('dotnet', [path.join(repoRoot, 'compute/MedEdu.Cli/bin/Release/net10.0/mededu.dll'), 'synth', '--count', '1000', '--seed', '7',
    '--output', synth, '--datasets', path.join(repoRoot, 'datasets')], { stdio: 'ignore' });
  const note = 'synthetic compound for the upload test; '.repeat(60);
  const [header, ...lines] = readFileSync(synth, 'utf8').trimEnd().split('\n');
  writeFileSync(file, [`${header},note`, ...lines.map((l) => `${l},${note}`)].join('\n') + '\n');
  rmSync(synth);
  const rows = lines.length;
  assert.equal(rows, 1_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 1100 } });
  const page = await context.newPage();
  const blocks = [];
  page.on('request', (r) => { if (r.method() === 'PUT' && /comp=block&/.test(r.url())) blocks.push(r.url()); });
  await page.goto(`${host.base}/api/app/#/instructor`);
  await page.getByRole('heading', { name: 'Instructor' }).waitFor();
  await page.getByLabel('Instructor key').fill(host.key);
  await page.getByRole('button', { name: 'Use key' }).click();
  const uploadedId = `synth-upload-${Date.now().toString(36)}`;
  await page.getByLabel('CSV or SMILES file').setInputFiles(file);
  await page.getByLabel('Dataset id').fill(uploadedId);
  await page.getByLabel('SMILES column (CSV)').fill('smiles');
  await page.getByLabel('Name column (CSV)').fill('id');
  await page.getByLabel('Measured value column (CSV)').fill('logp');
  await page.getByRole('button', { name: 'Upload and ingest' }).click();
  await page.locator('#uploadStatus').getByText(`ingesting as '${uploadedId}'`).waitFor({ timeout: 120_000 });
  assert.equal(await page.locator('#uploadProgress').getAttribute('value'), '100');
  assert.equal(blocks.length, 2, 'a file of two blocks goes up as two block PUTs');
  await shot(page, '10-instructor-upload');
  const ready = await waitFor(() => api(`${host.api}/datasets/${uploadedId}`), (s) => s.readyVersion === 1 && s.ingestion?.runtimeStatus === 'Completed', 180_000, 'the upload to be ready');
  assert.equal(ready.versions[0].totalRows, rows);
  assert.equal(ready.versions[0].stored, rows);
  await page.reload();
  await page.getByRole('heading', { name: 'Instructor' }).waitFor();
  await page.locator('#datasets').getByText(uploadedId).waitFor();
  await shot(page, '11-instructor-uploaded');
  await context.close();
  rmSync(file);
});

test('a student classifies BBBP compounds: every card starts "no", clicked ones say "yes", and the feedback speaks the labels', async () => {
  // The first 400 rows of BBBP, served as a dataset host would, with the labels' words.
  const bbbp = readFileSync(path.join(repoRoot, 'datasets/bbbp.csv'), 'utf8').trimEnd().split('\n').slice(0, 401).join('\n') + '\n';
  const server = await startCsvServer(bbbp);
  try {
    const id = `bbbp-browser-${Date.now().toString(36)}`;
    await api(`${host.api}/datasets`, {
      method: 'POST', key: host.key,
      body: {
        id, name: 'BBBP (browser test)', url: server.url, smilesColumn: 'smiles', nameColumn: 'name', valueColumn: 'p_np',
        property: { name: 'blood-brain barrier penetration', positive: 'crosses the blood-brain barrier', negative: 'does not cross the blood-brain barrier' },
      },
    });
    await waitFor(() => api(`${host.api}/datasets/${id}`), (s) => s.readyVersion === 1 && s.ingestion?.runtimeStatus === 'Completed', 120_000, 'BBBP to be ready');
    const bbbpClass = await api(`${host.api}/classes`, {
      method: 'POST', key: host.key, body: { publish: true, name: 'Neuropharmacology', datasetId: id, seed: 3, exercises: [{ kind: 'Classify', difficulty: 1, count: 1 }] },
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const failures = [];
    page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
    await page.goto(`${host.base}/api/app/`);
    await page.getByLabel('Class code').fill(bbbpClass.code);
    await page.getByLabel('Display name').fill('Rosalind');
    await page.getByRole('button', { name: 'Join class' }).click();
    await page.getByRole('link', { name: /Classification/ }).click();
    await page.getByRole('heading', { name: /Classification/ }).waitFor();
    await page.getByText(/Click each one that crosses the blood-brain barrier/).waitFor();

    const cards = page.locator('ul.cards button.pick');
    const n = await cards.count();
    assert.equal(n, 8);
    assert.deepEqual(await cards.locator('.badge').allTextContents(), Array(n).fill('no'));
    await cards.nth(0).click();
    await cards.nth(2).click();
    await cards.nth(3).click();
    await cards.nth(3).click();
    await page.getByText(`2 labelled yes, ${n - 2} no`).waitFor();
    assert.equal(await cards.nth(0).locator('.badge').textContent(), 'yes');
    assert.equal(await cards.nth(3).locator('.badge').textContent(), 'no');
    const saidYes = await page.locator('ul.cards button.pick[aria-pressed="true"]').evaluateAll((b) => b.map((x) => x.dataset.id));
    await shot(page, '10-classify');

    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('heading', { name: 'Measured: crosses the blood-brain barrier' }).waitFor();
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('mededu.student')).token);
    const [mine] = await api(`${host.api}/classes/${bbbpClass.classId}/submissions`, { token });
    assert.deepEqual(mine.answer, saidYes);
    assert.equal(Number((await page.getByTestId('score').textContent()).replace(/[^0-9.]/g, '')), mine.score);
    assert.match(mine.feedback.measure, /balanced accuracy/);
    const why = await page.locator('ul.explanations li').allTextContents();
    assert.equal(why.length, n);
    for (const line of why) assert.match(line, /crosses the blood-brain barrier: (yes|no) \(measured\); model: [0-9.]+% likely; you said (yes|no)/);
    await shot(page, '11-classify-feedback');
    assert.deepEqual(failures, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('a student does a matched-pair, an activity-cliff and a scaffold-hop exercise and sees the highlighted drawings', async () => {
  // All of ESOL (1,128 compounds): matched pairs need congeneric series.
  const server = await startCsvServer(esol);
  try {
    const id = `esol-structure-${Date.now().toString(36)}`;
    await api(`${host.api}/datasets`, {
      method: 'POST', key: host.key,
      body: { id, name: 'ESOL (structure)', url: server.url, smilesColumn: 'smiles', nameColumn: 'Compound ID', valueColumn: 'measured log solubility in mols per litre' },
    });
    await waitFor(() => api(`${host.api}/datasets/${id}`), (s) => s.readyVersion === 1 && s.ingestion?.runtimeStatus === 'Completed', 180_000, 'ESOL to be ready');
    const structureClass = await api(`${host.api}/classes`, {
      method: 'POST', key: host.key,
      body: { publish: true, name: 'Medicinal chemistry', datasetId: id, property: 'aqueous solubility', seed: 5,
        exercises: [{ kind: 'MatchedPair', difficulty: 1, count: 1 }, { kind: 'ActivityCliff', difficulty: 1, count: 1 }, { kind: 'ScaffoldHop', difficulty: 2, count: 1 }] },
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const failures = [];
    page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') failures.push(`console: ${m.text()}`); });
    await page.goto(`${host.base}/api/app/`);
    await page.getByLabel('Class code').fill(structureClass.code);
    await page.getByLabel('Display name').fill('Paul');
    await page.getByRole('button', { name: 'Join class' }).click();
    const token = () => page.evaluate(() => JSON.parse(localStorage.getItem('mededu.student')).token);
    const scoreOf = async (kind) => (await api(`${host.api}/classes/${structureClass.classId}/submissions`, { token: await token() }))
      .find((x) => x.exerciseId === structureClass.exercises.find((e) => e.kind === kind).id);
    const shownScore = async () => Number((await page.getByTestId('score').textContent()).replace(/[^0-9.]/g, ''));

    // Matched pairs: each card is partner → analogue, the analogue coloured where it differs.
    await page.getByRole('link', { name: /Matched pairs/ }).click();
    await page.getByRole('heading', { name: /Matched pairs/ }).waitFor();
    const pairCards = page.locator('ul.cards button.pick');
    assert.ok(await pairCards.count() >= 4);
    const analogue = pairCards.first().locator('img').nth(1);
    assert.match(await analogue.getAttribute('src'), /highlight=similarity&query=/);
    for (let i = 0; i < await pairCards.count(); i++) await pairCards.nth(i).locator('img').nth(1).scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll('.pair img')].every((i) => i.complete && i.naturalWidth > 0));
    await pairCards.nth(0).click();
    await shot(page, '12-matched-pairs');
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('heading', { name: /Measured: has a higher aqueous solubility than its partner/ }).waitFor();
    assert.equal(await shownScore(), (await scoreOf('MatchedPair')).score);
    for (const line of await page.locator('ul.explanations li').allTextContents()) assert.match(line, / → .*(up|down) .*you said (higher|lower) [✓✗]/);
    await shot(page, '13-matched-pairs-feedback');

    // Activity cliff: pick two; the truth is drawn with logP contributions.
    await page.getByRole('link', { name: 'Exercises', exact: true }).click();
    await page.getByRole('link', { name: /Activity cliff/ }).click();
    await page.getByRole('heading', { name: /Activity cliff/ }).waitFor();
    const cliffCards = page.locator('ul.cards button.pick');
    await cliffCards.nth(0).click();
    await cliffCards.nth(1).click();
    await page.getByText('2 of 2 picked').waitFor();
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('heading', { name: 'The truth' }).waitFor();
    assert.equal(await shownScore(), (await scoreOf('ActivityCliff')).score);
    assert.match((await page.locator('ul.explanations li').first().textContent()), /^The cliff: .* Tanimoto 0\.\d\d, a gap of /);
    await expectExplainedDrawings(page, /highlight=logp/);
    await shot(page, '14-activity-cliff-feedback');

    // Scaffold hop: pick one; the truth is drawn against the query (shared environments).
    await page.getByRole('link', { name: 'Exercises', exact: true }).click();
    await page.getByRole('link', { name: /Scaffold hop/ }).click();
    await page.getByRole('heading', { name: /Scaffold hop/ }).waitFor();
    await page.getByRole('heading', { name: 'Query compound' }).waitFor();
    await page.locator('ul.cards button.pick').first().click();
    await page.getByText('1 of 1 picked').waitFor();
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('heading', { name: 'The truth' }).waitFor();
    assert.equal(await shownScore(), (await scoreOf('ScaffoldHop')).score);
    await expectExplainedDrawings(page, /highlight=similarity&query=/);
    await shot(page, '15-scaffold-hop-feedback');
    assert.deepEqual(failures, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('an instructor opens the insights dashboard of a class of 30 simulated students and sees the API\'s figures', async () => {
  const name = `Insights class ${Date.now().toString(36)}`;
  const insightsClass = await api(`${host.api}/classes`, {
    method: 'POST', key: host.key,
    body: { publish: true, name, datasetId, seed: 8, exercises: [{ kind: 'SimilarityHunt', difficulty: 1, count: 1 }, { kind: 'RuleCheck', difficulty: 1, count: 1 }, { kind: 'PropertyRanking', difficulty: 1, count: 1 }] },
  });
  // 30 students answer every exercise, each with a seeded random answer of the right form.
  let seed = 1;
  const random = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  const tokens = new Map();
  for (let i = 0; i < 30; i++) {
    const joined = await api(`${host.api}/classes/join`, { method: 'POST', body: { code: insightsClass.code, displayName: `Student ${String(i + 1).padStart(2, '0')}` } });
    tokens.set(joined.studentId, joined.token);
    for (const summary of insightsClass.exercises) {
      const exercise = await api(`${host.api}/classes/${insightsClass.classId}/exercises/${summary.id}`, { token: joined.token });
      const ids = exercise.candidates.map((c) => c.id).sort(() => random() - 0.5);
      const answer = exercise.kind === 'PropertyRanking' ? ids : exercise.kind === 'RuleCheck' ? ids.filter(() => random() < 0.3) : ids.slice(0, exercise.picks);
      await api(`${host.api}/classes/${insightsClass.classId}/exercises/${summary.id}/submissions`, { method: 'POST', token: joined.token, body: { answer } });
    }
  }
  const expected = await api(`${host.api}/classes/${insightsClass.classId}/insights`, { key: host.key });
  assert.equal(expected.students, 30);
  assert.equal(expected.attempts, 90);

  // bypassCSP lets axe-core be injected to audit the dashboard.
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, bypassCSP: true });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  await page.goto(`${host.base}/api/app/#/instructor`);
  await page.getByRole('heading', { name: 'Instructor' }).waitFor();
  await page.getByLabel('Instructor key').fill(host.key);
  await page.getByRole('button', { name: 'Use key' }).click();
  await page.locator('#myClasses tr', { hasText: name }).getByRole('button', { name: 'Insights' }).click();
  const summary = page.getByTestId('insights-summary');
  await summary.waitFor();
  assert.equal(await summary.textContent(), `30 students, 90 scored answers, mean score ${expected.mean.toFixed(1)}.`);
  const bars = page.locator('.insights-chart rect');
  assert.equal(await bars.count(), expected.byKindAndLevel.length);
  assert.deepEqual((await bars.evaluateAll((r) => r.map((x) => Number(x.getAttribute('data-mean'))))), expected.byKindAndLevel.map((k) => k.mean));
  const misjudgedRows = page.locator('table', { hasText: 'Compounds most often misjudged' }).locator('tbody tr');
  assert.equal(await misjudgedRows.count(), expected.misjudged.length);
  assert.equal(await misjudgedRows.first().locator('td').nth(2).textContent(), `${expected.misjudged[0].misjudged} of ${expected.misjudged[0].seenBy}`);
  // The student model's heat map (students x skills) and early warnings, each flag with an override form.
  const cells = page.getByTestId('heat-map').locator('td.heat');
  assert.equal(await cells.count(), expected.mastery.length);
  assert.equal(await cells.first().textContent(), `${Math.round(expected.mastery[0].mastery * 100)}% (${expected.mastery[0].answers})`);
  assert.ok(expected.atRisk.length > 0, 'random answers leave some students at risk');
  const flags = page.getByTestId('at-risk').locator('li');
  assert.equal(await flags.count(), expected.atRisk.length);
  const flagged = expected.atRisk[0];
  const target = expected.exercises[expected.exercises.length - 1];
  await page.getByLabel(`Next exercise for ${flagged.displayName}`).selectOption(target.id);
  await page.getByLabel('Note to the student').first().fill('look again at the rules');
  await flags.first().getByRole('button', { name: 'Set next exercise' }).click();
  await page.getByText('Next exercise set').waitFor();
  const overridden = await api(`${host.api}/classes/${insightsClass.classId}/next`, { token: tokens.get(flagged.studentId) });
  assert.equal(overridden.chosenBy, 'instructor');
  assert.equal(overridden.exerciseId, target.id);
  await page.locator('#results').screenshot({ path: path.join(artifacts, '16-instructor-insights.png') });
  await page.addScriptTag({ content: readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  assert.deepEqual(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
  assert.deepEqual(failures, []);
  await context.close();
});

test('a student plays a discovery campaign to the end on the map and the table, resumes after a reload, and sees the curves; the instructor sees them too', async () => {
  const name = `Campaign class ${Date.now().toString(36)}`;
  const campaignClass = await api(`${host.api}/classes`, {
    method: 'POST', key: host.key,
    body: { publish: true, name, datasetId, seed: 4, exercises: [{ kind: 'Campaign', difficulty: 1, count: 1, librarySize: 200, rounds: 3, picksPerRound: 4 }] },
  });
  // bypassCSP lets axe-core be injected to audit the campaign page.
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, bypassCSP: true });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  await page.goto(`${host.base}/api/app/`);
  await page.getByLabel('Class code').fill(campaignClass.code);
  await page.getByLabel('Display name').fill('Paul Ehrlich');
  await page.getByRole('button', { name: 'Join class' }).click();
  await page.getByRole('link', { name: /Discovery campaign/ }).click();
  await page.getByRole('heading', { name: /Discovery campaign/ }).waitFor();
  const status = page.getByTestId('campaign-status');
  assert.match(await status.textContent(), /^Round 1 of 3: buy up to 4 compounds/);
  assert.equal(await page.locator('svg.map circle').count(), 200);

  // Round 1: two points on the map, two rows of the table.
  // Points may overlap on the map: the click goes to the very circle.
  await page.locator('svg.map circle').nth(10).dispatchEvent('click');
  await page.locator('svg.map circle').nth(150).dispatchEvent('click');
  const open = page.locator('table.library input[type=checkbox]:not([disabled]):not(:checked)');
  await open.nth(0).check();
  await open.nth(0).check();
  await page.getByText('4 of 4 picked').waitFor();
  await shot(page, '20-campaign-round-1');
  await page.getByRole('button', { name: 'Buy and test 4 compounds' }).click();
  // The status line (not the announcement, which may say the same words) tells the round.
  const statusSays = (pattern) => status.filter({ hasText: pattern }).waitFor();
  await statusSays(/^Round 2 of 3/);
  assert.equal(await page.locator('table.library tr.bought').count(), 4);
  assert.equal(await page.locator('svg.curves polyline').count(), 4);
  assert.equal(await page.locator('ul.revealed li').count(), 4);

  // A reload resumes the campaign where it stands.
  await page.reload();
  await statusSays(/^Round 2 of 3/);
  assert.equal(await page.locator('table.library tr.bought').count(), 4);
  for (const round of [2, 3]) {
    for (let i = 0; i < 4; i++) await open.nth(0).check();
    await page.getByRole('button', { name: 'Buy and test 4 compounds' }).click();
    if (round === 2) await statusSays(/^Round 3 of 3/);
  }
  await statusSays(/^Campaign over/);
  const lesson = await page.getByTestId('lesson').textContent();
  assert.match(lesson, /^Discovery areas: you \d+, the model exploring by upper confidence bound \d+/);
  const lines = page.locator('svg.curves polyline');
  assert.deepEqual(await lines.evaluateAll((l) => l.map((x) => x.getAttribute('data-player'))), ['you', 'model (UCB)', 'model (greedy)', 'random']);
  assert.equal(await page.locator('svg.map .model-pick').count(), 12);
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('mededu.student')).token);
  const mine = await api(`${host.api}/classes/${campaignClass.classId}/submissions`, { token });
  assert.equal(mine.length, 3);
  const scored = mine.find((x) => x.scored);
  assert.match(await status.textContent(), new RegExp(`Your score \\(discovery area x100\\): ${scored.score.toFixed(1)}\\.`));
  await page.locator('.column img').first().scrollIntoViewIfNeeded();
  await shot(page, '21-campaign-end');
  await page.addScriptTag({ content: readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  assert.deepEqual(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);

  // The instructor's insights show the student's curve beside the opponents'.
  await page.goto(`${host.base}/api/app/#/instructor`);
  await page.getByRole('heading', { name: 'Instructor' }).waitFor();
  await page.getByLabel('Instructor key').fill(host.key);
  await page.getByRole('button', { name: 'Use key' }).click();
  await page.locator('#myClasses tr', { hasText: name }).getByRole('button', { name: 'Insights' }).click();
  const block = page.getByTestId('campaign-e01');
  await block.waitFor();
  assert.equal(await block.locator('svg.curves polyline').count(), 4);
  assert.match(await block.locator('tbody tr', { hasText: 'Paul Ehrlich' }).textContent(), /3 of 3/);
  await block.screenshot({ path: path.join(artifacts, '22-instructor-campaign.png') });

  // A Spanish student plays the same campaign to the end and an Arabic one a round: every word of
  // the page, the goal, the reveals and the lesson (from the API) in their language, axe-clean.
  const englishCampaign = ['Round ', 'Buy and test', 'compounds', 'Discovery', 'Sort by', 'Find by name', 'Measured', 'Best finds',
    'Campaign', 'Player', 'Area', 'What the campaign shows', 'Back to the exercises', 'bought', 'model (', 'random', 'revealed', 'highest', 'lowest'];
  for (const [locale, student, buyLabel, statusStart, finishes] of [
    ['es-ES', 'Rosalind Franklin', 'Comprar y ensayar 4 compuestos', /^Ronda 1 de 3: compra hasta 4 compuestos/, true],
    ['ar', 'ابن سينا', 'اشترِ واختبر 4 مركّبات', /^الجولة 1 من 3: اشترِ حتى 4 مركّبات/, false]]) {
    const translated = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale, bypassCSP: true });
    const other = await translated.newPage();
    other.on('pageerror', (e) => failures.push(`page error (${locale}): ${e.message}`));
    await other.goto(`${host.base}/api/app/`);
    await other.locator('#code').fill(campaignClass.code);
    await other.locator('#displayName').fill(student);
    await other.locator('form button[type=submit]').click();
    await other.getByRole('link', { name: locale === 'ar' ? /حملة الاكتشاف/ : /Campaña de descubrimiento/ }).click();
    const otherStatus = other.getByTestId('campaign-status');
    await otherStatus.filter({ hasText: statusStart }).waitFor();
    const openRows = other.locator('table.library input[type=checkbox]:not([disabled]):not(:checked)');
    for (let round = 1; round <= (finishes ? 3 : 1); round++) {
      for (let i = 0; i < 4; i++) await openRows.nth(0).check();
      await other.getByRole('button', { name: buyLabel }).click();
      await other.locator('ul.revealed li').first().waitFor();
      await otherStatus.filter({ hasText: round === 3 ? /^Campaña terminada/ : locale === 'ar' ? `الجولة ${round + 1} من 3` : `Ronda ${round + 1} de 3` }).waitFor();
    }
    await other.locator('table.library tr.bought button.link').first().click();
    if (finishes) assert.match(await other.getByTestId('lesson').textContent(), /^Áreas de descubrimiento: tú \d+, el modelo que explora/);
    const text = await other.locator('main').innerText();
    // Compound names are the dataset's own (English drug names): the words checked are the page's.
    for (const word of englishCampaign) assert.ok(!text.includes(word), `the ${locale} campaign page still says "${word}"`);
    const curveNames = await other.locator('svg.curves text').allTextContents();
    assert.ok(curveNames.includes(locale === 'ar' ? 'أنت' : 'tú'), `the curves name the student in ${locale}: ${curveNames.join(', ')}`);
    await other.addScriptTag({ content: readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    const otherViolations = await other.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
    assert.deepEqual(otherViolations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${locale} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
    await translated.close();
  }
  assert.deepEqual(failures, []);
  await context.close();
});

test('the interactive API reference at /api/docs renders the generated document under a self-only script policy', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) problems.push(`CSP: ${m.text()}`); });
  page.on('request', (r) => { if (!r.url().startsWith(host.base) && !r.url().startsWith('data:')) problems.push(`left the instance: ${r.url()}`); });
  const response = await page.goto(`${host.base}/api/docs/`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self';/);
  await page.getByText('MedEdu API').first().waitFor({ timeout: 30_000 });
  await page.getByText('Register a dataset and start ingesting it').first().waitFor();
  for (const tag of ['Classes and exercises', 'Drawings', 'Schedules']) await page.getByText(tag, { exact: true }).first().waitFor();
  await page.screenshot({ path: path.join(artifacts, '23-api-docs.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a student in Spanish and one in Arabic (right to left) do an exercise and read the page, its numbers and the API\'s problems in their language, axe-clean', async () => {
  const axeSource = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const seriousViolations = async (page) => {
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  };
  // Words of the English page that must not show on a translated one.
  // The prompts, measures and explanations come from the API in the reader's language too.
  const english = ['Submit answer', 'Your score', 'Candidates', 'What to practise next', 'Exercises', 'The truth', 'Why', 'level 1',
    'compounds', 'Flag every', 'Which ', 'passes both rules', 'rotatable bonds', '(rank ', 'picks among', 'classified correctly', 'similar to'];
  // The leaderboard, the last student page, in the reader's language: its heading and no English word of it.
  const englishBoard = ['Leaderboard', 'Rank', 'Name', 'Exercises', 'No scores yet', 'Total score'];
  const readLeaderboard = async (page, linkName, heading) => {
    await page.getByRole('navigation').getByRole('link', { name: linkName }).click();
    await page.getByRole('heading', { name: heading }).waitFor();
    await page.locator('main table').waitFor();
    const text = await page.locator('main').innerText();
    for (const word of englishBoard) assert.ok(!text.includes(word), `the leaderboard still says "${word}"`);
    assert.deepEqual(await seriousViolations(page), []);
  };
  const docs = path.join(repoRoot, 'docs/screenshots');
  mkdirSync(docs, { recursive: true });

  // Spanish: the browser's language (Accept-Language and navigator.language) chooses it.
  const es = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-ES', bypassCSP: true });
  const page = await es.newPage();
  const failures = [];
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  await page.goto(`${host.base}/`);
  await page.getByRole('heading', { name: 'Únete a tu clase' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  await page.getByLabel('Código de clase').fill(cls.code);
  await page.getByLabel('Nombre visible').fill('Lucía');
  await page.getByRole('button', { name: 'Unirse a la clase' }).click();
  await page.getByText('Qué practicar a continuación').waitFor();
  assert.match(await page.getByTestId('next-reason').textContent(), /de probabilidad de acertar un ejercicio de .* de nivel/);
  await page.getByRole('link', { name: /Comprobación de reglas/ }).click();
  await page.getByRole('heading', { name: /Comprobación de reglas · nivel 1/ }).waitFor();
  await page.getByText(/incumpla la regla de Lipinski/).waitFor();
  await page.getByText(/^Marca cada compuesto que incumple la regla de cinco de Lipinski \(dos o más infracciones\)/).waitFor();
  const cards = page.locator('ul.cards button.pick');
  await cards.nth(0).click();
  await cards.nth(1).click();
  await page.getByText('2 marcados').waitFor();
  // A molecular weight reads with a decimal comma in Spanish (Intl), e.g. "180,2".
  await page.locator('ul.cards li').first().getByText('Propiedades').click();
  assert.match(await page.locator('ul.cards li').first().locator('dd').first().textContent(), /^\d+(\.\d{3})*,\d$/);
  await page.getByRole('button', { name: 'Enviar respuesta' }).click();
  await page.getByRole('heading', { name: 'Compuestos que incumplen una regla' }).waitFor();
  await page.getByRole('heading', { name: 'Por qué' }).waitFor();
  // Each explanation says why in Spanish: it passes both rules, or which limit it breaks.
  const reasons = await page.locator('ul.explanations li').allInnerTexts();
  assert.ok(reasons.length >= 8, `${reasons.length} explanations`);
  for (const reason of reasons) assert.match(reason, /: (cumple ambas reglas|.*(PM \d+ > 500|logP \d+,\d > 5|donadores|aceptores|enlaces rotables|TPSA \d+ > 140))/);
  assert.match(await page.getByTestId('feedback-measure').textContent(), /compuestos bien clasificados/);
  assert.match(await page.getByTestId('score').textContent(), /^Tu puntuación: \d+(,\d)?$/);
  const spanishText = await page.locator('main').innerText();
  for (const word of english) assert.ok(!spanishText.includes(word), `the Spanish page still says "${word}"`);
  assert.deepEqual(await seriousViolations(page), []);
  // The API's problems for the student read in Spanish too.
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('mededu.student')).token);
  const exerciseId = cls.exercises.find((e) => e.kind === 'RuleCheck').id;
  const refused = await fetch(`${host.api}/classes/${cls.classId}/exercises/${exerciseId}/submissions`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': 'es-ES,es;q=0.9' }, body: JSON.stringify({ answer: ['not-a-compound'] }),
  });
  assert.equal(refused.status, 400);
  assert.match((await refused.json()).detail, /^no están en este ejercicio: not-a-compound$/);
  await readLeaderboard(page, 'Clasificación', /^Clasificación — /);
  await es.close();

  // Arabic: chosen with the picker; the page turns right to left, the drawings do not.
  const ar = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const arPage = await ar.newPage();
  arPage.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  await arPage.goto(`${host.base}/`);
  await arPage.getByRole('heading', { name: 'Join your class' }).waitFor();
  await arPage.getByLabel('Language').selectOption('ar');
  await arPage.getByRole('heading', { name: 'انضم إلى صفك' }).waitFor();
  assert.deepEqual(await arPage.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
  await arPage.getByLabel('رمز الصف').fill(cls.code);
  await arPage.getByLabel('الاسم المعروض').fill('ليلى');
  await arPage.getByRole('button', { name: 'انضم إلى الصف' }).click();
  await arPage.getByText('ما الذي تتدرّب عليه بعد ذلك').waitFor();
  await arPage.screenshot({ path: path.join(docs, 'student-arabic-exercises.png'), fullPage: true });
  await arPage.getByRole('link', { name: /البحث عن التشابه/ }).click();
  await arPage.getByRole('heading', { name: /البحث عن التشابه · المستوى/ }).waitFor();
  await arPage.getByText(/^أيّ 3 من هذه المركبات الـ\d+ هي الأكثر تشابهًا مع .*؟ التشابه هو معامل تانيموتو/).waitFor();
  const arCards = arPage.locator('ul.cards button.pick');
  for (let i = 0; i < 3; i++) await arCards.nth(i).click();
  const submit = arPage.getByRole('button', { name: 'أرسل الإجابة' });
  assert.equal(await submit.isDisabled(), false);
  // Cards flow right to left: the first card sits right of the second.
  const [first, second] = await Promise.all([arCards.nth(0).boundingBox(), arCards.nth(1).boundingBox()]);
  assert.ok(first.x > second.x, 'the first card is on the right in Arabic');
  await submit.click();
  await arPage.getByRole('heading', { name: 'الحقيقة' }).waitFor();
  assert.match(await arPage.getByTestId('score').textContent(), /^نتيجتك: /);
  await expectExplainedDrawings(arPage, /highlight=similarity&query=/);
  for (const reason of await arPage.locator('ul.explanations li').allInnerTexts()) assert.match(reason, /: تانيموتو \d\.\d\d \(المرتبة \d+\)$/);
  const arabicText = await arPage.locator('main').innerText();
  for (const word of english) assert.ok(!arabicText.includes(word), `the Arabic page still says "${word}"`);
  assert.deepEqual(await seriousViolations(arPage), []);
  await arPage.screenshot({ path: path.join(docs, 'student-arabic-feedback.png'), fullPage: true });
  await readLeaderboard(arPage, 'لوحة الصدارة', /^لوحة الصدارة — /);
  assert.deepEqual(failures, []);
  await ar.close();
});

test('the pages pass axe-core with no serious or critical violations, and a student does an exercise with the keyboard only', async () => {
  // axe-core is injected as a script, which the page's strict CSP would refuse: this context bypasses CSP.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  const axeSource = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const problems = [];
  const report = {};
  async function audit(name) {
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
    report[name] = violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) problems.push(`${name}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }
  // Moves focus with Tab only until the locator's element has it.
  async function tabTo(locator) {
    const target = await locator.elementHandle();
    for (let i = 0; i < 80; i++) {
      if (await page.evaluate((t) => document.activeElement === t, target)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${locator}`);
  }

  await page.goto(`${host.base}/api/app/`);
  await page.getByLabel('Class code').waitFor();
  await audit('join');
  await tabTo(page.getByLabel('Class code'));
  await page.keyboard.type(cls.code);
  await tabTo(page.getByLabel('Display name'));
  await page.keyboard.type('Keyboard Kay');
  await tabTo(page.getByRole('button', { name: 'Join class' }));
  await page.keyboard.press('Enter');
  const link = page.getByRole('link', { name: /Rule check/ });
  await link.waitFor();
  await audit('exercises');
  await tabTo(link);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /Rule check/ }).waitFor();
  await audit('exercise');
  const cards = page.locator('ul.cards button.pick');
  await tabTo(cards.nth(0));
  await page.keyboard.press('Space');
  await tabTo(cards.nth(2));
  await page.keyboard.press('Enter');
  await page.getByText('2 flagged').waitFor();
  await tabTo(page.getByRole('button', { name: 'Submit answer' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Compounds that break a rule' }).waitFor();
  await audit('feedback');
  await shot(page, '17-keyboard-feedback');

  await page.goto(`${host.base}/api/app/#/instructor`);
  await page.getByRole('heading', { name: 'Instructor' }).waitFor();
  await audit('instructor');
  writeFileSync(path.join(artifacts, 'axe-core.json'), JSON.stringify(report, null, 2));
  assert.deepEqual(problems, []);
  await context.close();
});
