package io.live2.engine.analysis;

import io.live2.model.analysis.ChemistryToolkit;
import io.live2.model.analysis.ReactionNetworkTool;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.live2.engine.analysis.Svg.esc;
import static io.live2.engine.analysis.Svg.num;

/**
 * results/report.html: one self-contained page (inline CSS and SVG, no scripts, no external resources) that leads with
 * what was made ({@link MadeSection}), then species count and novelty over time, the top species with depictions,
 * formulas and abundances, the top reactions, the reaction network and the autocatalytic cycles.
 */
final class HtmlReport {
    static final int TOP_SPECIES = 24;
    static final int TOP_REACTIONS = 25;
    static final int NETWORK_SPECIES = 30;
    static final int NETWORK_REACTIONS = 40;

    private HtmlReport() {
    }

    static String render(AnalysisResult r, Optional<ChemistryToolkit> toolkit) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Live 2.0 chemistry report</title>\n");
        h.append("<style>body{font-family:sans-serif;margin:24px;color:#222;max-width:1200px}h1{margin-bottom:4px}")
                .append("table{border-collapse:collapse;margin:8px 0 24px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:middle}")
                .append("th{background:#f0f0f0}.num{text-align:right}.novel{color:#0a7a2f;font-weight:bold}.dep svg{width:140px;height:100px}")
                .append(".stats span{display:inline-block;margin-right:24px;font-size:18px}.note{color:#666;font-size:13px}code{font-size:12px}")
                .append(".lead{font-size:17px}#largest{display:flex;align-items:center;gap:16px}ol.path{margin:0;padding-left:20px;font-size:13px}</style>\n");
        h.append("</head><body>\n<h1>Chemistry report</h1>\n");
        h.append("<p class=\"note\">From ").append(r.steps().size()).append(" analysis frames (snapshots), steps ")
                .append(r.steps().isEmpty() ? 0 : r.steps().get(0)).append("–").append(r.steps().isEmpty() ? 0 : r.steps().get(r.steps().size() - 1))
                .append(". Species are connected components of the bond graph, identified by an element- and bond-order-aware canonical key.</p>\n");
        h.append(MadeSection.render(r.products(), toolkit));
        h.append("<div class=\"stats\" id=\"summary\">")
                .append("<span>species <b>").append(r.species().size()).append("</b></span>")
                .append("<span>novel <b>").append(r.novelSpecies()).append("</b></span>")
                .append("<span>reaction types <b>").append(r.reactions().size()).append("</b></span>")
                .append("<span>reaction events <b>").append(r.reactionEvents()).append("</b></span>")
                .append("<span>autocatalytic cycles <b>").append(r.cycles() == null ? "n/a" : Integer.toString(r.cycles().cycles().size())).append("</b></span>")
                .append("</div>\n");
        h.append("<h2>Species over time</h2>\n").append(timeChart(r)).append('\n');
        h.append("<h2>Top species</h2>\n").append(speciesTable(r, toolkit));
        h.append("<h2>Top reactions</h2>\n").append(reactionTable(r));
        h.append("<h2>Reaction network</h2>\n").append(networkSvg(r));
        h.append("<h2>Autocatalytic cycles</h2>\n").append(cycles(r));
        h.append("<p class=\"note\">Cheminformatics: ").append(esc(r.chemistryToolkit() == null
                        ? "none on the class path (chemistry-cdk): SMILES, InChIKeys and depictions are missing" : r.chemistryToolkit()))
                .append(". Network: ").append(esc(r.networkTool() == null
                        ? "none on the class path (chemistry-network): no GraphML and no cycle search" : r.networkTool()))
                .append(".</p>\n</body></html>\n");
        return h.toString();
    }

    private static String timeChart(AnalysisResult r) {
        int n = r.steps().size();
        double[] x = new double[n];
        double[] present = new double[n];
        double[] cumulativeNovel = new double[n];
        int[] perFrame = r.speciesPresentPerFrame();
        double total = 0;
        for (int f = 0; f < n; f++) {
            x[f] = r.steps().get(f);
            present[f] = perFrame[f];
            total += f < r.novelPerFrame().size() ? r.novelPerFrame().get(f) : 0;
            cumulativeNovel[f] = total;
        }
        return "<div id=\"species-chart\">" + Svg.lineChart("Distinct species and cumulative novel species", "step", x,
                List.of(new Svg.Series("species present", "#1f77b4", present),
                        new Svg.Series("novel species (cumulative)", "#2ca02c", cumulativeNovel)), 900, 320) + "</div>";
    }

    private static String speciesTable(AnalysisResult r, Optional<ChemistryToolkit> toolkit) {
        List<SpeciesRow> top = new ArrayList<>(r.species());
        top.sort(Comparator.comparingLong(SpeciesRow::abundancePeak).reversed().thenComparing(SpeciesRow::key));
        top = top.subList(0, Math.min(TOP_SPECIES, top.size()));
        StringBuilder b = new StringBuilder("<table id=\"species\"><tr><th>structure</th><th>formula</th><th>SMILES</th>"
                + "<th>peak</th><th>final</th><th>first seen</th><th>atoms</th><th></th></tr>\n");
        for (SpeciesRow s : top) {
            String depiction = "";
            if (toolkit.isPresent() && s.representative().allElemental()) {
                depiction = inlineSvg(toolkit.get().depictSvg(s.representative()));
            }
            b.append("<tr><td class=\"dep\">").append(depiction).append("</td><td>").append(esc(s.formula()))
                    .append("</td><td><code>").append(esc(s.smiles() == null ? "—" : s.smiles())).append("</code></td><td class=\"num\">")
                    .append(s.abundancePeak()).append("</td><td class=\"num\">").append(s.abundanceFinal())
                    .append("</td><td class=\"num\">").append(s.firstSeenStep()).append("</td><td class=\"num\">").append(s.atoms())
                    .append("</td><td>").append(s.novel() ? "<span class=\"novel\">novel</span>" : "").append("</td></tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    /** CDK's SVG carries an XML declaration; inline SVG in HTML must not. */
    static String inlineSvg(String svg) {
        String s = svg.trim();
        if (s.startsWith("<?xml")) {
            s = s.substring(s.indexOf("?>") + 2).trim();
        }
        int doctype = s.indexOf("<!DOCTYPE");
        if (doctype >= 0) {
            s = s.substring(s.indexOf('>', doctype) + 1).trim();
        }
        return s;
    }

    private static String reactionTable(AnalysisResult r) {
        List<ReactionRow> top = new ArrayList<>(r.reactions());
        top.sort(Comparator.comparingLong(ReactionRow::events).reversed().thenComparing(ReactionRow::id));
        top = top.subList(0, Math.min(TOP_REACTIONS, top.size()));
        StringBuilder b = new StringBuilder("<table id=\"reactions\"><tr><th>id</th><th>reaction</th><th>events</th><th>first step</th><th>last step</th></tr>\n");
        for (ReactionRow t : top) {
            b.append("<tr><td>").append(esc(t.id())).append("</td><td>").append(esc(t.equation())).append("</td><td class=\"num\">")
                    .append(t.events()).append("</td><td class=\"num\">").append(t.firstStep()).append("</td><td class=\"num\">")
                    .append(t.lastStep()).append("</td></tr>\n");
        }
        if (top.isEmpty()) {
            b.append("<tr><td colspan=\"5\">no reactions between analysis frames</td></tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    /** Species on a circle, each drawn reaction at the centroid of its species pulled toward the middle. */
    private static String networkSvg(AnalysisResult r) {
        List<ReactionRow> reactions = new ArrayList<>(r.reactions());
        reactions.sort(Comparator.comparingLong(ReactionRow::events).reversed().thenComparing(ReactionRow::id));
        reactions = reactions.subList(0, Math.min(NETWORK_REACTIONS, reactions.size()));
        Map<String, Integer> degree = new HashMap<>();
        for (ReactionRow t : reactions) {
            for (Stoich s : t.reactants()) {
                degree.merge(s.species(), 1, Integer::sum);
            }
            for (Stoich s : t.products()) {
                degree.merge(s.species(), 1, Integer::sum);
            }
        }
        Map<String, String> label = new HashMap<>();
        r.species().forEach(s -> label.put(s.key(), s.formula()));
        List<String> species = new ArrayList<>(degree.keySet());
        species.sort(Comparator.comparing((String k) -> -degree.get(k)).thenComparing(k -> k));
        species = species.subList(0, Math.min(NETWORK_SPECIES, species.size()));
        int size = 720;
        double c = size / 2.0;
        double radius = size / 2.0 - 70;
        Map<String, double[]> pos = new LinkedHashMap<>();
        for (int i = 0; i < species.size(); i++) {
            double a = 2 * Math.PI * i / Math.max(1, species.size()) - Math.PI / 2;
            pos.put(species.get(i), new double[] {c + radius * Math.cos(a), c + radius * Math.sin(a)});
        }
        StringBuilder b = new StringBuilder("<div id=\"network\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\""
                + size + "\" viewBox=\"0 0 " + size + " " + size + "\" role=\"img\" aria-label=\"reaction network\">");
        b.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#888\"/></marker></defs>");
        StringBuilder nodes = new StringBuilder();
        for (ReactionRow t : reactions) {
            double sx = 0;
            double sy = 0;
            int k = 0;
            for (List<Stoich> side : List.of(t.reactants(), t.products())) {
                for (Stoich s : side) {
                    double[] p = pos.get(s.species());
                    if (p != null) {
                        sx += p[0];
                        sy += p[1];
                        k++;
                    }
                }
            }
            if (k == 0) {
                continue;
            }
            double rx = c + 0.6 * (sx / k - c);
            double ry = c + 0.6 * (sy / k - c);
            for (Stoich s : t.reactants()) {
                double[] p = pos.get(s.species());
                if (p != null) {
                    b.append(edge(p[0], p[1], rx, ry, "#1f77b4"));
                }
            }
            for (Stoich s : t.products()) {
                double[] p = pos.get(s.species());
                if (p != null) {
                    b.append(edge(rx, ry, p[0], p[1], "#d62728"));
                }
            }
            nodes.append("<rect x=\"").append(num(rx - 5)).append("\" y=\"").append(num(ry - 5))
                    .append("\" width=\"10\" height=\"10\" fill=\"#555\"><title>").append(esc(t.id() + ": " + t.equation()))
                    .append("</title></rect>");
        }
        for (Map.Entry<String, double[]> e : pos.entrySet()) {
            double[] p = e.getValue();
            nodes.append("<circle cx=\"").append(num(p[0])).append("\" cy=\"").append(num(p[1])).append("\" r=\"9\" fill=\"#ffd54f\" stroke=\"#333\"><title>")
                    .append(esc(e.getKey())).append("</title></circle>");
            double lx = c + (radius + 26) * (p[0] - c) / radius;
            double ly = c + (radius + 26) * (p[1] - c) / radius;
            nodes.append("<text x=\"").append(num(lx)).append("\" y=\"").append(num(ly + 4)).append("\" font-size=\"12\" text-anchor=\"middle\">")
                    .append(esc(label.getOrDefault(e.getKey(), e.getKey()))).append("</text>");
        }
        b.append(nodes).append("</svg></div>\n<p class=\"note\">Circles: species (the ").append(species.size())
                .append(" most connected); squares: reactions (the ").append(reactions.size())
                .append(" most frequent). Blue: consumed by, red: produced by. The full network is in reaction_network.graphml.</p>\n");
        return b.toString();
    }

    private static String edge(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\" stroke=\"" + colour
                + "\" stroke-opacity=\"0.6\" marker-end=\"url(#arrow)\"/>";
    }

    private static String cycles(AnalysisResult r) {
        if (r.cycles() == null) {
            return "<p>Not searched: the chemistry-network adapter is not on the class path.</p>\n";
        }
        ReactionNetworkTool.CycleSearch search = r.cycles();
        StringBuilder b = new StringBuilder("<p class=\"note\">Simple cycles species → reaction → species of at most ")
                .append(r.maxCycleReactions()).append(" reactions in which a member species has net positive stoichiometry; ")
                .append(search.cycles().size()).append(" found").append(search.truncated() ? " (search stopped at the bound)" : "")
                .append(".</p>\n");
        if (search.cycles().isEmpty()) {
            return b.toString();
        }
        Map<String, String> label = new HashMap<>();
        r.species().forEach(s -> label.put(s.key(), s.formula()));
        b.append("<table id=\"cycles\"><tr><th>reactions</th><th>species</th><th>amplified</th></tr>\n");
        for (ReactionNetworkTool.Cycle cy : search.cycles().subList(0, Math.min(20, search.cycles().size()))) {
            b.append("<tr><td>").append(esc(String.join(" → ", cy.reactionIds()))).append("</td><td>")
                    .append(esc(String.join(", ", cy.speciesKeys().stream().map(k -> label.getOrDefault(k, k)).toList())))
                    .append("</td><td>").append(esc(String.join(", ", cy.amplified().stream().map(k -> label.getOrDefault(k, k)).toList())))
                    .append("</td></tr>\n");
        }
        return b.append("</table>\n").toString();
    }
}
