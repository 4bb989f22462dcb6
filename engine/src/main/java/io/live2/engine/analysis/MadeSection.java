package io.live2.engine.analysis;

import io.live2.model.analysis.ChemistryToolkit;
import io.live2.model.analysis.ProductTracker;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.live2.engine.analysis.Svg.esc;

/**
 * The report's first section, "What was made": a plain sentence, the new heavy-atom bonds by element pair, the largest
 * molecule and the products ranked by heavy atoms with structure, formula, SMILES, first appearance and pathway. The
 * reader of a run wants the products before the bookkeeping, so this leads the page.
 */
final class MadeSection {
    static final int TOP_PRODUCTS = 24;
    static final int FEED_NAMED = 8;

    private MadeSection() {
    }

    static String render(Products p, Optional<ChemistryToolkit> toolkit) {
        StringBuilder b = new StringBuilder("<section id=\"made\">\n<h2>What was made</h2>\n");
        b.append("<p class=\"lead\">").append(esc(sentence(p))).append("</p>\n");
        if (!p.newHeavyAtomBonds().isEmpty()) {
            b.append("<table id=\"new-bonds\"><tr><th>new heavy-atom bond</th><th>formed</th><th>present at the end</th></tr>\n");
            p.newHeavyAtomBonds().forEach((pair, n) -> b.append("<tr><td>").append(esc(dash(pair))).append("</td><td class=\"num\">")
                    .append(n).append("</td><td class=\"num\">").append(p.newHeavyAtomBondsFinal().getOrDefault(pair, 0))
                    .append("</td></tr>\n"));
            b.append("</table>\n");
        }
        if (p.largest() != null) {
            Products.Largest l = p.largest();
            b.append("<div id=\"largest\"><span class=\"dep\">").append(depiction(l.species(), toolkit)).append("</span><p>Largest molecule: <b>")
                    .append(esc(l.species().formula())).append("</b>");
            if (l.species().smiles() != null) {
                b.append(" <code>").append(esc(l.species().smiles())).append("</code>");
            }
            b.append(", ").append(heavy(l.heavyAtoms())).append(", ").append(l.species().atoms()).append(" atoms, ")
                    .append(l.feed() ? "already in the feed" : "first seen at " + ps(l.firstTimePs()) + " (step " + l.firstStep() + ")")
                    .append(".</p></div>\n");
        }
        b.append(productTable(p, toolkit));
        return b.append("</section>\n").toString();
    }

    /** One sentence a reader can quote; says plainly when nothing cross-feed was made. */
    static String sentence(Products p) {
        List<String> formulas = p.feed().stream().map(SpeciesRow::formula).toList();
        // an open-chemistry feed can hold dozens of kinds; the sentence names a few
        String feed = String.join(", ", formulas.subList(0, Math.min(FEED_NAMED, formulas.size())))
                + (formulas.size() > FEED_NAMED ? ", …" : "");
        int cross = p.crossFeedProducts();
        if (cross == 0) {
            String s = "Nothing cross-feed was made: no product has a bond between heavy atoms that started in different feed"
                    + " molecules (" + feed + ").";
            if (!p.newHeavyAtomBonds().isEmpty()) {
                s += " New heavy-atom bonds did form (" + pairs(p.newHeavyAtomBonds()) + "), but only in species that were"
                        + " already in the feed.";
            }
            return s + " " + p.products().size() + " species not in the feed appeared.";
        }
        return cross + (cross == 1 ? " product has" : " products have") + " a bond between heavy atoms that started in"
                + " different feed molecules (" + feed + "). New heavy-atom bonds formed over the run: "
                + pairs(p.newHeavyAtomBonds()) + ". " + p.products().size() + " species not in the feed appeared in all.";
    }

    private static String productTable(Products p, Optional<ChemistryToolkit> toolkit) {
        List<Products.Row> top = p.products().subList(0, Math.min(TOP_PRODUCTS, p.products().size()));
        StringBuilder b = new StringBuilder("<table id=\"products\"><tr><th>#</th><th>structure</th><th>formula</th><th>SMILES</th>"
                + "<th>heavy atoms</th><th>new bonds</th><th>first seen</th><th>peak</th><th>pathway</th></tr>\n");
        int rank = 0;
        for (Products.Row r : top) {
            b.append("<tr><td class=\"num\">").append(++rank).append("</td><td class=\"dep\">").append(depiction(r.species(), toolkit))
                    .append("</td><td>").append(esc(r.species().formula())).append("</td><td><code>")
                    .append(esc(r.species().smiles() == null ? "—" : r.species().smiles())).append("</code></td><td class=\"num\">")
                    .append(r.heavyAtoms()).append("</td><td>").append(r.crossFeed() ? esc(String.join(", ", r.crossFeedPairs().stream()
                            .map(MadeSection::dash).toList())) : "—").append("</td><td class=\"num\" title=\"step ").append(r.firstStep())
                    .append("\">").append(esc(ps(r.firstTimePs()))).append("</td><td class=\"num\">").append(r.abundancePeak())
                    .append("</td><td>").append(pathway(r)).append("</td></tr>\n");
        }
        if (top.isEmpty()) {
            b.append("<tr><td colspan=\"9\">no species beyond the feed</td></tr>\n");
        }
        b.append("</table>\n");
        if (p.products().size() > top.size()) {
            b.append("<p class=\"note\">The ").append(top.size()).append(" largest of ").append(p.products().size())
                    .append(" products; all of them are in products.json.</p>\n");
        }
        return b.toString();
    }

    private static String pathway(Products.Row r) {
        if (r.pathway().isEmpty()) {
            return "—";
        }
        StringBuilder b = new StringBuilder("<ol class=\"path\">");
        for (Products.Step s : r.pathway()) {
            b.append("<li>").append(esc(s.reactionId() == null ? "" : s.reactionId() + " ")).append("<span class=\"note\">")
                    .append(esc(ps(s.timePs()))).append("</span> ").append(esc(s.equation().replace(" -> ", " → "))).append("</li>");
        }
        b.append("</ol>");
        if (r.pathwayTruncated()) {
            // the bound is on the chain's depth (a reactant's forming reaction, its reactant's, ...), not on the list's length
            b.append("<span class=\"note\">(intermediates more than ").append(ProductTracker.MAX_PATHWAY_DEPTH)
                    .append(" reactions back along a chain not traced)</span>");
        }
        return b.toString();
    }

    private static String depiction(SpeciesRow s, Optional<ChemistryToolkit> toolkit) {
        if (s == null || toolkit.isEmpty() || !s.representative().allElemental()) {
            return "";
        }
        return HtmlReport.inlineSvg(toolkit.get().depictSvg(s.representative()));
    }

    /** "C-N 2, C-O 1" in pair order, with the en dash of chemistry. */
    static String pairs(Map<String, Integer> bonds) {
        StringBuilder b = new StringBuilder();
        bonds.forEach((pair, n) -> b.append(b.isEmpty() ? "" : ", ").append(dash(pair)).append(' ').append(n));
        return b.toString();
    }

    private static String dash(String pair) {
        return pair.replace('-', '–');
    }

    private static String heavy(int n) {
        return n + (n == 1 ? " heavy atom" : " heavy atoms");
    }

    static String ps(double t) {
        return String.format(Locale.ROOT, "%.2f ps", t);
    }
}
