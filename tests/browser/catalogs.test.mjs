// The page's catalogs: every key of the English catalog is translated in Spanish and Arabic (not left
// in English, unless the catalog keeps it and says why), with the same placeholders; and every key the
// student pages name exists. Strings shown to students that exist in English only fail here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './localhost.mjs';

const page = path.join(repoRoot, 'functions/MedEdu.Api/WebApp/Page');
const load = async (language) => import(pathToFileURL(path.join(page, `strings-${language}.js`)).href);
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const language of ['es', 'ar']) {
  test(`every English string of the student pages has its ${language} translation`, async () => {
    const { default: en } = await load('en');
    const { default: catalog, kept } = await load(language);
    assert.ok(Object.keys(en).length >= 100, `${Object.keys(en).length} English strings`);
    assert.deepEqual(Object.keys(catalog).sort(), Object.keys(en).sort(), `${language} has the English keys, no more, no fewer`);
    for (const [key, english] of Object.entries(en)) {
      const text = catalog[key];
      assert.ok(text.trim().length > 0, `${language} ${key} is empty`);
      // A singular may say its number in words ("إجابة واحدة", one answer): it may leave {n} out.
      if (key.endsWith('.one')) assert.ok(placeholders(text).every((p) => placeholders(english).includes(p)), `${language} ${key} fills only English's values`);
      else assert.deepEqual(placeholders(text), placeholders(english), `${language} ${key} fills the same values`);
      if (text === english) assert.ok(kept[key], `${language} ${key} is still English ("${english}"); translate it or say in 'kept' why it stays`);
    }
    for (const key of Object.keys(kept)) assert.equal(catalog[key], en[key], `${language} keeps ${key} in English, as its 'kept' entry says`);
  });
}

test('every string key the student pages name is in the English catalog', async () => {
  const { default: en } = await load('en');
  const named = new Set();
  for (const file of readdirSync(page).filter((f) => f.endsWith('.js') || f.endsWith('.html'))) {
    const source = readFileSync(path.join(page, file), 'utf8');
    for (const m of source.matchAll(/\bt\('([\w.]+)'|data-i18n(?:-label)?="([\w.]+)"/g)) named.add(m[1] ?? m[2]);
    for (const m of source.matchAll(/\bplural\('([\w.]+)'/g)) { named.add(`${m[1]}.one`); named.add(`${m[1]}.other`); }
  }
  assert.ok(named.size >= 90, `${named.size} keys named`);
  for (const key of named) assert.ok(key in en, `the page names '${key}', which strings-en.js lacks`);
  // Keys built at run time: every exercise kind and skill has its words.
  for (const kind of ['SimilarityHunt', 'PropertyRanking', 'VirtualScreen', 'RuleCheck', 'Classify', 'MatchedPair', 'ActivityCliff', 'ScaffoldHop', 'Campaign']) assert.ok(`kind.${kind}` in en);
  const skills = readFileSync(path.join(repoRoot, 'compute/MedEdu.Compute/Tutoring/Data/skills.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0]);
  for (const skill of skills) assert.ok(`skill.${skill}` in en, `skill ${skill} has no words in strings-en.js`);
});
