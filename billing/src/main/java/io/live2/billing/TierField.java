package io.live2.billing;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The tier fields that config and contracts may set, by their snake_case names, with the values each accepts. Both
 * inputs (a config string, a JSON value) go through the same checks, so the resource file, an override and a contract
 * are held to the same ranges and every refusal names the key and what is allowed.
 */
enum TierField {
    PARALLEL_JOBS("parallel_jobs", Kind.WHOLE, 1, 10_000, (d, v) -> d.parallelJobs = ((Number) v).intValue()),
    JOBS_PER_DAY("jobs_per_day", Kind.WHOLE, 1, 1_000_000, (d, v) -> d.jobsPerDay = ((Number) v).intValue()),
    /** At least a minute (a job's start-up alone takes that); at most a week, far beyond any tier's need. */
    MAX_RUNTIME_SECONDS("max_runtime_seconds", Kind.WHOLE, 60, 604_800,
            (d, v) -> d.maxRuntimeSeconds = ((Number) v).longValue()),
    CAPACITIES("capacities", Kind.CAPACITIES, 0, 0, (d, v) -> d.capacities = castCapacities(v)),
    SPOT_FALLBACK("spot_fallback", Kind.BOOLEAN, 0, 0, (d, v) -> d.spotFallback = (Boolean) v),
    /** A cent at least: a zero limit would refuse every job while looking like a working tier. */
    MAX_COST_PER_JOB_USD("max_cost_per_job_usd", Kind.DECIMAL, 0.01, 100_000,
            (d, v) -> d.maxCostPerJobUsd = ((Number) v).doubleValue()),
    API_REQUESTS_PER_MINUTE("api_requests_per_minute", Kind.WHOLE, 1, 100_000,
            (d, v) -> d.apiRequestsPerMinute = ((Number) v).intValue()),
    STRIPE_PRICE("stripe_price", Kind.PRICE, 0, 0, (d, v) -> d.stripePriceId = (String) v);

    private enum Kind { WHOLE, DECIMAL, BOOLEAN, CAPACITIES, PRICE }

    /** Stripe object ids are a type prefix and an alphanumeric tail. */
    private static final Pattern PRICE_ID = Pattern.compile("price_[A-Za-z0-9_]+");

    final String wireName;
    private final Kind kind;
    private final BigDecimal min;
    private final BigDecimal max;
    private final BiConsumer<TierDraft, Object> setter;

    TierField(String wireName, Kind kind, double min, double max, BiConsumer<TierDraft, Object> setter) {
        this.wireName = wireName;
        this.kind = kind;
        this.min = BigDecimal.valueOf(min);
        this.max = BigDecimal.valueOf(max);
        this.setter = setter;
    }

    /** @throws IllegalArgumentException naming {@code key} and the allowed names */
    static TierField ofWire(String key, String name) {
        for (TierField f : values()) {
            if (f.wireName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(key + ": '" + name + "' is not a tier field; allowed " + allowedNames());
    }

    static String allowedNames() {
        List<String> names = new ArrayList<>();
        for (TierField f : values()) {
            names.add(f.wireName);
        }
        return String.join(", ", names);
    }

    /** Sets this field of {@code draft} from a config value. @throws IllegalArgumentException naming {@code key} */
    void applyText(TierDraft draft, String key, String text) {
        setter.accept(draft, parseText(key, text == null ? "" : text.strip()));
    }

    /** Sets this field of {@code draft} from a JSON value. @throws IllegalArgumentException naming {@code key} */
    void applyJson(TierDraft draft, String key, JsonNode node) {
        setter.accept(draft, parseJson(key, node));
    }

    private Object parseText(String key, String text) {
        return switch (kind) {
            case WHOLE, DECIMAL -> number(key, text, parseDecimal(key, text));
            case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw refuse(key, "'" + text + "' is not a boolean");
            };
            case CAPACITIES -> capacities(key, text.isEmpty() ? List.of() : List.of(text.split(",", -1)));
            // an empty value (e.g. an unset environment variable) means: not sold online
            case PRICE -> text.isEmpty() ? null : price(key, text);
        };
    }

    private Object parseJson(String key, JsonNode node) {
        return switch (kind) {
            case WHOLE, DECIMAL -> {
                if (!node.isNumber()) {
                    throw refuse(key, node + " is not a number");
                }
                yield number(key, node.toString(), node.decimalValue());
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw refuse(key, node + " is not a boolean");
                }
                yield node.booleanValue();
            }
            case CAPACITIES -> {
                if (!node.isArray()) {
                    throw refuse(key, node + " is not a list");
                }
                List<String> names = new ArrayList<>();
                for (JsonNode element : node) {
                    if (!element.isTextual()) {
                        throw refuse(key, element + " is not a capacity name");
                    }
                    names.add(element.textValue());
                }
                yield capacities(key, names);
            }
            case PRICE -> {
                if (node.isNull()) {
                    yield null;
                }
                if (!node.isTextual()) {
                    throw refuse(key, node + " is not a Stripe price id");
                }
                yield price(key, node.textValue());
            }
        };
    }

    private BigDecimal parseDecimal(String key, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw refuse(key, "'" + text + "' is not a number");
        }
    }

    private Number number(String key, String shown, BigDecimal value) {
        if (kind == Kind.WHOLE && value.stripTrailingZeros().scale() > 0) {
            throw refuse(key, shown + " is not a whole number");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + ": " + shown + " is out of range; allowed " + allowed());
        }
        return kind == Kind.WHOLE ? (Number) value.longValueExact() : (Number) value.doubleValue();
    }

    private Set<Capacity> capacities(String key, List<String> names) {
        Set<Capacity> set = EnumSet.noneOf(Capacity.class);
        for (String name : names) {
            String trimmed = name.strip();
            try {
                set.add(Capacity.ofWire(trimmed));
            } catch (IllegalArgumentException e) {
                throw refuse(key, "'" + trimmed + "' is not a capacity");
            }
        }
        if (set.isEmpty()) {
            throw refuse(key, "no capacity given");
        }
        return set;
    }

    private String price(String key, String id) {
        if (!PRICE_ID.matcher(id).matches()) {
            throw refuse(key, "'" + id + "' is not a Stripe price id");
        }
        return id;
    }

    private IllegalArgumentException refuse(String key, String problem) {
        return new IllegalArgumentException(key + ": " + problem + "; allowed " + allowed());
    }

    /** What a person may write for this field, for error messages. */
    String allowed() {
        return switch (kind) {
            case WHOLE, DECIMAL -> plain(min) + ".." + plain(max);
            case BOOLEAN -> "true or false";
            case CAPACITIES -> "a non-empty list of spot, on_demand";
            case PRICE -> "a Stripe price id such as price_1AbC (or empty: not sold online)";
        };
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    @SuppressWarnings("unchecked")
    private static Set<Capacity> castCapacities(Object value) {
        return (Set<Capacity>) value;
    }
}
