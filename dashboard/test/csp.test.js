import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (p) => readFileSync(new URL(p, import.meta.url), 'utf8');

test('index.html lends Cytoscape its stylesheet id, so Cytoscape injects no inline <style> (CSP style-src self)', () => {
  const html = read('../src/index.html');
  assert.match(html, /<link rel="stylesheet" href="\/app.css" id="__________cytoscape_stylesheet">/);
  assert.doesNotMatch(html, /<style|style=/);
});

test('the network container and Cytoscape container class are positioned (the rule Cytoscape would inject)', () => {
  const css = read('../src/pages/job/job.css');
  assert.match(css, /\.job-network \{[^}]*position: relative/);
  assert.match(css, /\.__________cytoscape_container \{ position: relative; \}/);
});
