package io.live2.billing.estimate;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.live2.billing.Capacity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * USD per hour of each instance type of docs/deploy-aws.md, on spot and on demand. The bundled prices.json says
 * where its figures come from; a deployment sets current ones with {@code billing.prices} overrides.
 *
 * @param source    where the figures come from and when
 * @param instances instance type → prices
 */
public record PriceTable(String source, Map<String, Prices> instances) {

    /** @param spot USD per hour on spot; @param onDemand USD per hour on demand */
    public record Prices(double spot, @JsonProperty("on_demand") double onDemand) {
    }

    /** The most any override may say, USD per hour (a typo guard, far above any instance of deploy-aws.md). */
    static final double MAX_USD_PER_HOUR = 1000;

    public PriceTable {
        instances = Map.copyOf(instances);
        instances.forEach((type, p) -> {
            check(type + ".spot", p.spot());
            check(type + ".on_demand", p.onDemand());
        });
    }

    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream("prices.json")) {
            if (in == null) {
                throw new IllegalStateException("prices.json is missing from the billing module's resources");
            }
            return EstimateJson.MAPPER.readValue(in, PriceTable.class);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled prices.json: " + e.getMessage(), e);
        }
    }

    /**
     * @param overrides "c7i.2xlarge.spot" → "0.14", "c7i.2xlarge.on_demand" → "0.357" (the instance type may be new)
     * @throws IllegalArgumentException "billing.prices.KEY: …" naming the allowed form or range
     */
    public PriceTable withOverrides(Map<String, String> overrides) {
        Map<String, Prices> out = new TreeMap<>(instances);
        for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
            String key = e.getKey();
            int dot = key.lastIndexOf('.');
            String type = dot > 0 ? key.substring(0, dot) : "";
            String which = dot > 0 ? key.substring(dot + 1) : "";
            if (type.isEmpty() || !(which.equals("spot") || which.equals("on_demand"))) {
                throw new IllegalArgumentException("billing.prices." + key + ": expected <instance_type>.spot or <instance_type>.on_demand");
            }
            double usd;
            try {
                usd = Double.parseDouble(e.getValue().trim());
            } catch (NumberFormatException x) {
                throw new IllegalArgumentException("billing.prices." + key + ": '" + e.getValue() + "' is not a number; allowed 0.."
                        + MAX_USD_PER_HOUR + " USD per hour");
            }
            check(key, usd);
            Prices old = out.getOrDefault(type, new Prices(Double.NaN, Double.NaN));
            out.put(type, which.equals("spot") ? new Prices(usd, old.onDemand()) : new Prices(old.spot(), usd));
        }
        out.forEach((type, p) -> {
            if (Double.isNaN(p.spot()) || Double.isNaN(p.onDemand())) {
                throw new IllegalArgumentException("billing.prices." + type + ": a new instance type needs both spot and on_demand");
            }
        });
        return new PriceTable(source + (overrides.isEmpty() ? "" : "; overridden in config: " + String.join(", ", new TreeMap<>(overrides).keySet())), out);
    }

    /** @throws IllegalArgumentException for an instance type the table does not have, listing those it has */
    public double usdPerHour(String instanceType, Capacity capacity) {
        Prices p = instances.get(instanceType);
        if (p == null) {
            throw new IllegalArgumentException("billing.instance_type: '" + instanceType + "' has no price; priced: "
                    + String.join(", ", new TreeMap<>(instances).keySet()));
        }
        return capacity == Capacity.ON_DEMAND ? p.onDemand() : p.spot();
    }

    private static void check(String key, double usd) {
        if (Double.isNaN(usd)) {
            return; // half of a new type, completed or refused by withOverrides
        }
        if (!(usd > 0) || usd > MAX_USD_PER_HOUR) {
            throw new IllegalArgumentException("billing.prices." + key + ": " + usd + " is out of range; allowed more than 0 up to "
                    + MAX_USD_PER_HOUR + " USD per hour");
        }
    }
}
