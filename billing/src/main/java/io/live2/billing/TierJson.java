package io.live2.billing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the tier table (tiers.json) and Enterprise contracts' custom limits, both JSON with the snake_case field names. */
final class TierJson {
    /** Duplicate keys are refused rather than letting the last one silently win in a contract. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern TIER_ID = Pattern.compile("[a-z][a-z0-9_]*");
    static final String RESOURCE = "tiers.json";

    private TierJson() {
    }

    /** The built-in table, by rank. A broken resource is a packaging bug, so it fails loudly. */
    static List<Tier> readResource() {
        try (InputStream in = TierJson.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("billing resource " + RESOURCE + " is missing from the jar");
            }
            return readTable(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("billing resource " + RESOURCE + " cannot be read", e);
        }
    }

    static List<Tier> readTable(JsonNode root) {
        JsonNode tiers = root.path("tiers");
        if (!tiers.isArray() || tiers.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + ": 'tiers' must be a non-empty list");
        }
        List<Tier> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        for (JsonNode node : tiers) {
            Tier tier = readTier(node);
            if (!ids.add(tier.id()) || !ranks.add(tier.rank())) {
                throw new IllegalArgumentException(RESOURCE + ": tier " + tier.id() + " repeats an id or rank");
            }
            out.add(tier);
        }
        out.sort(Comparator.comparingInt(Tier::rank));
        return List.copyOf(out);
    }

    private static Tier readTier(JsonNode node) {
        String id = node.path("id").asText("");
        if (!TIER_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(RESOURCE + ": tier id '" + id + "' must be lower case letters, digits, _");
        }
        String where = RESOURCE + ": " + id + ".";
        if (!node.path("name").isTextual() || !node.path("rank").canConvertToInt() || !node.path("rank").isIntegralNumber()) {
            throw new IllegalArgumentException(where + "name and rank are required (text and a whole number)");
        }
        TierDraft draft = new TierDraft(id, node.get("name").textValue(), node.get("rank").intValue());
        Set<TierField> required = EnumSet.complementOf(EnumSet.of(TierField.STRIPE_PRICE));
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            if (name.equals("id") || name.equals("name") || name.equals("rank")) {
                continue;
            }
            TierField field = TierField.ofWire(where + name, name);
            if (field == TierField.STRIPE_PRICE) {
                throw new IllegalArgumentException(where + "stripe_price: prices come from config only "
                        + "(billing.tiers." + id + ".stripe_price), never from the built-in table");
            }
            field.applyJson(draft, where + name, e.getValue());
            required.remove(field);
        }
        if (!required.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + ": " + id + " is missing " + required.stream().map(f -> f.wireName).toList());
        }
        return draft.build();
    }

    /**
     * {@code tier} with a contract's limits: a JSON object whose keys are any tier field but stripe_price.
     *
     * @throws IllegalArgumentException naming the field, for bad JSON, unknown fields and bad values
     */
    static Tier applyContract(Tier tier, String customLimitsJson) {
        JsonNode root;
        try {
            root = MAPPER.readTree(customLimitsJson);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("contract limits for " + tier.id() + ": not valid JSON ("
                    + e.getOriginalMessage() + "); allowed an object with fields " + contractFields());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("contract limits for " + tier.id() + ": not a JSON object; allowed "
                    + "an object with fields " + contractFields());
        }
        TierDraft draft = TierDraft.of(tier);
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String key = "contract." + e.getKey();
            TierField field = TierField.ofWire(key, e.getKey());
            if (field == TierField.STRIPE_PRICE) {
                throw new IllegalArgumentException(key + ": a contract sets limits, not prices; allowed "
                        + contractFields());
            }
            field.applyJson(draft, key, e.getValue());
        }
        return draft.build();
    }

    private static String contractFields() {
        return TierField.allowedNames().replace(", " + TierField.STRIPE_PRICE.wireName, "");
    }
}
