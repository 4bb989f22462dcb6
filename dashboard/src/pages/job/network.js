// The reaction network view: Cytoscape.js (loaded on demand, its own chunk), species and reaction nodes, the
// autocatalytic cycles highlighted, a list of cycles to highlight one at a time, and a table of the top reactions as
// the text alternative.
import { buildNetwork, cycleLabel, cycleSelection, cyclesSelection } from './data.js';
import { h } from './dom.js';

const SPECIES_LIMIT = 150;

/**
 * Renders into `section` (which already has its heading). network = reaction_network.json, reactions =
 * reactions.json, abundance = Map(species key -> peak abundance). Returns {destroy()}.
 */
export async function renderNetwork(section, { network, reactions, abundance, labels }) {
  const cycles = reactions?.autocatalytic_cycles ?? [];
  const all = cyclesSelection(cycles);
  const keep = new Set(all.nodes);
  const g = buildNetwork(network, abundance, SPECIES_LIMIT, keep);

  const note = h('p', { class: 'job-note' });
  note.textContent = g.truncated
    ? `The network has ${g.speciesTotal.toLocaleString('en')} species and ${g.reactionsTotal.toLocaleString('en')} reaction types; ` +
      `the drawing shows the ${g.speciesShown} most abundant species and ${g.reactionsShown} reactions among them.`
    : `${g.speciesTotal} species and ${g.reactionsTotal} reaction types. Species are round, reactions square; ` +
      'arrows run from reactants to reactions to products.';
  const container = h('div', { class: 'job-network', 'data-test': 'network', role: 'img',
    'aria-label': `Reaction network drawing: ${g.speciesShown} species and ${g.reactionsShown} reactions` +
      (cycles.length ? `, ${cycles.length} autocatalytic cycles highlighted` : '') + '. The table of top reactions below lists the same information.' });
  const legend = h('p', { class: 'job-network-legend' },
    h('span', { class: 'job-swatch job-swatch-species' }), ' species ',
    h('span', { class: 'job-swatch job-swatch-reaction' }), ' reaction ',
    h('span', { class: 'job-swatch job-swatch-cycle' }), ' in an autocatalytic cycle');
  section.append(note, legend, container);

  // cycles list
  const search = reactions?.autocatalysis_search;
  const cyclesBox = h('div', { class: 'job-cycles' });
  cyclesBox.append(h('h3', { text: `Autocatalytic cycles (${cycles.length}${search?.truncated ? ', search truncated' : ''})` }));
  let cy = null;
  const buttons = [];
  function highlight(sel, active) {
    buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(i === active)));
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('cycle dim');
      if (!sel.nodes.size) return;
      cy.elements().forEach((e) => {
        if (sel.nodes.has(e.id()) || sel.edges.has(e.id())) e.addClass('cycle');
        else if (active > 0) e.addClass('dim'); // one cycle chosen: the rest fades
      });
    });
  }
  if (cycles.length) {
    const list = h('ol', { class: 'job-cycle-list' });
    const allBtn = h('button', { type: 'button', class: 'job-link-button', 'aria-pressed': 'true', text: 'Highlight all cycles' });
    buttons.push(allBtn);
    allBtn.addEventListener('click', () => highlight(all, 0));
    cycles.slice(0, 200).forEach((c, i) => {
      const b = h('button', { type: 'button', class: 'job-link-button', 'aria-pressed': 'false',
        text: cycleLabel(c, labels) + (c.amplified?.length ? ` (amplifies ${c.amplified.map((k) => labels.get(k) ?? k).join(', ')})` : '') });
      buttons.push(b);
      b.addEventListener('click', () => highlight(cycleSelection(c), i + 1));
      list.append(h('li', {}, b));
    });
    cyclesBox.append(allBtn, list);
    if (cycles.length > 200) cyclesBox.append(h('p', { class: 'job-note', text: `The first 200 of ${cycles.length} cycles are listed.` }));
  } else {
    cyclesBox.append(h('p', { class: 'job-note', text: search?.available === false
      ? 'The cycle search did not run (no network tool was available).'
      : 'No autocatalytic cycle was found.' }));
  }
  section.append(cyclesBox);

  // text alternative: top reactions by events
  const top = (reactions?.reactions ?? []).slice().sort((a, b) => (b.events ?? 0) - (a.events ?? 0)).slice(0, 25);
  if (top.length) {
    const table = h('table', { class: 'job-table' },
      h('caption', { text: `Top ${top.length} of ${(reactions.reactions.length).toLocaleString('en')} reaction types by events` }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Reaction' }), h('th', { scope: 'col', text: 'Equation' }),
        h('th', { scope: 'col', text: 'Events' }), h('th', { scope: 'col', text: 'First step' }))),
      h('tbody', {}, ...top.map((r) => h('tr', {}, h('td', { text: r.id }), h('td', { text: r.equation ?? '' }),
        h('td', { class: 'num', text: String(r.events ?? '') }), h('td', { class: 'num', text: String(r.first_step ?? '') })))));
    section.append(h('div', { class: 'job-table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Top reactions (scrollable)' }, table));
  }

  const { default: cytoscape } = await import('cytoscape');
  if (!container.isConnected) return { destroy() {} };
  const big = g.nodes.length > 350;
  cy = cytoscape({
    container,
    elements: [
      ...g.nodes.map((n) => ({ group: 'nodes', data: { id: n.id, label: n.kind === 'species' ? n.label : n.key, kind: n.kind }, classes: n.kind })),
      ...g.edges.map((e) => ({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, count: e.count }, classes: e.role })),
    ],
    style: [
      { selector: 'node.species', style: { 'background-color': '#5b7fbf', label: 'data(label)', 'font-size': 9, color: '#1d1d1d',
        'text-valign': 'bottom', 'text-margin-y': 2, width: 14, height: 14 } },
      { selector: 'node.reaction', style: { shape: 'rectangle', 'background-color': '#9a9a9a', width: 7, height: 7,
        label: big ? '' : 'data(label)', 'font-size': 7, color: '#4a4a4a' } },
      { selector: 'edge', style: { width: 1, 'line-color': '#b8b8b8', 'target-arrow-color': '#b8b8b8', 'target-arrow-shape': 'triangle',
        'arrow-scale': 0.6, 'curve-style': big ? 'haystack' : 'bezier' } },
      { selector: '.cycle', style: { 'background-color': '#d9480f', 'line-color': '#d9480f', 'target-arrow-color': '#d9480f', width: 2, 'z-index': 10 } },
      { selector: 'node.cycle', style: { width: 16, height: 16 } },
      { selector: '.dim', style: { opacity: 0.25 } },
    ],
    layout: big
      ? { name: 'breadthfirst', directed: true, spacingFactor: 0.8, animate: false }
      : { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 6000, idealEdgeLength: () => 40, numIter: 800 },
    wheelSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 4,
  });
  highlight(all, cycles.length ? 0 : -1);
  container.setAttribute('data-nodes', String(cy.nodes().length));
  container.setAttribute('data-ready', 'true');
  return { destroy() { cy?.destroy(); cy = null; } };
}
