package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A species' pathway as results/products.json records it, as one line of text for a table cell. */
final class Pathways {
    private Pathways() {
    }

    /** The product's bonds between heavy atoms of different feed molecules, as element pairs ("C-N, C-O"), or a dash. */
    static String newBonds(String key, JsonNode products) {
        JsonNode p = product(key, products);
        if (p == null || p.path("cross_feed_pairs").isEmpty()) {
            return "–";
        }
        List<String> pairs = new ArrayList<>();
        p.path("cross_feed_pairs").forEach(n -> pairs.add(n.asText()));
        return String.join(", ", pairs);
    }

    private static JsonNode product(String key, JsonNode products) {
        if (products != null) {
            for (JsonNode p : products.path("products")) {
                if (key.equals(p.path("key").asText())) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * The pathway of the species with this key ("t ps: equation; ..." in step order, "…" when the analysis cut it at
     * its depth bound), "feed" for a species present in the first frame, or a dash when products.json is absent (a run
     * analysed before it existed: `live analyze DIR` writes it).
     */
    static String of(String key, JsonNode products) {
        if (products == null) {
            return "–";
        }
        for (JsonNode feed : products.path("feed_species")) {
            if (key.equals(feed.path("key").asText())) {
                return "feed";
            }
        }
        JsonNode p = product(key, products);
        if (p != null) {
            List<String> steps = new ArrayList<>();
            for (JsonNode r : p.path("pathway")) {
                steps.add(String.format(Locale.ROOT, "%.2f ps: %s", r.path("time_ps").asDouble(), r.path("equation").asText()));
            }
            return String.join("; ", steps) + (p.path("pathway_truncated").asBoolean() ? "; …" : "");
        }
        return "–";
    }
}
