package io.live2.billing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.live2.billing.Capacity.ON_DEMAND;
import static io.live2.billing.Capacity.SPOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TierCatalogTest {

    /** The seeds' guardrail table (split-deploy-architecture.md), plus Enterprise's contract defaults. */
    private static final List<Tier> SEEDS = List.of(
            new Tier("hobby", "Hobby", 0, 1, 5, 1800, Set.of(SPOT), false, 0.50, 10, null),
            new Tier("research", "Research", 1, 2, 20, 7200, Set.of(SPOT), true, 5.00, 50, null),
            new Tier("pro", "Pro", 2, 5, 100, 21600, Set.of(SPOT, ON_DEMAND), true, 50.00, 200, null),
            new Tier("enterprise", "Enterprise", 3, 20, 1000, 86400, Set.of(SPOT, ON_DEMAND), true, 500.00, 1000, null));

    @Test
    void defaultsAreTheSeedsTableByRankWithoutPrices() {
        TierCatalog catalog = TierCatalog.defaults();
        assertEquals(SEEDS, catalog.all());
        assertEquals(SEEDS.get(2), catalog.get("pro"));
        assertEquals(Optional.empty(), catalog.byStripePrice("price_anything"));
        assertEquals(Optional.empty(), catalog.byStripePrice(null));
    }

    @Test
    void unknownTierIdNamesTheAllowedIds() {
        var e = assertThrows(IllegalArgumentException.class, () -> TierCatalog.defaults().get("gold"));
        assertEquals("tier: 'gold' is not a tier; allowed hobby, research, pro, enterprise", e.getMessage());
    }

    @Test
    void overridesReplaceOnlyTheFieldsTheyName() {
        TierCatalog catalog = TierCatalog.load(Map.of(
                "pro.stripe_price", "price_1ProMonthly",
                "research.stripe_price", " price_1Research ",
                "hobby.jobs_per_day", "3",
                "hobby.spot_fallback", "TRUE",
                "research.capacities", "spot, on_demand",
                "enterprise.max_cost_per_job_usd", "1234.5",
                "hobby.stripe_price", ""));

        Tier hobby = catalog.get("hobby");
        assertEquals(SEEDS.get(0).withLimits(1, 3, 1800, Set.of(SPOT), 0.50, 10), withoutFallback(hobby));
        assertTrue(hobby.spotFallback());
        assertNull(hobby.stripePriceId());
        assertEquals(Set.of(SPOT, ON_DEMAND), catalog.get("research").capacities());
        assertEquals(1234.5, catalog.get("enterprise").maxCostPerJobUsd());
        assertEquals(Optional.of(catalog.get("pro")), catalog.byStripePrice("price_1ProMonthly"));
        assertEquals("price_1Research", catalog.get("research").stripePriceId());
        assertEquals(Optional.empty(), catalog.byStripePrice("price_other"));
    }

    private static Tier withoutFallback(Tier t) {
        return new Tier(t.id(), t.name(), t.rank(), t.parallelJobs(), t.jobsPerDay(), t.maxRuntimeSeconds(),
                t.capacities(), false, t.maxCostPerJobUsd(), t.apiRequestsPerMinute(), t.stripePriceId());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "hobby.parallel_jobs|0|billing.tiers.hobby.parallel_jobs: 0 is out of range; allowed 1..10000",
            "pro.parallel_jobs|10001|billing.tiers.pro.parallel_jobs: 10001 is out of range; allowed 1..10000",
            "hobby.jobs_per_day|2.5|billing.tiers.hobby.jobs_per_day: 2.5 is not a whole number; allowed 1..1000000",
            "hobby.max_runtime_seconds|59|billing.tiers.hobby.max_runtime_seconds: 59 is out of range; allowed 60..604800",
            "hobby.max_cost_per_job_usd|abc|billing.tiers.hobby.max_cost_per_job_usd: 'abc' is not a number; allowed 0.01..100000",
            "hobby.max_cost_per_job_usd|0|billing.tiers.hobby.max_cost_per_job_usd: 0 is out of range; allowed 0.01..100000",
            "hobby.api_requests_per_minute|NaN|billing.tiers.hobby.api_requests_per_minute: 'NaN' is not a number; allowed 1..100000",
            "hobby.spot_fallback|yes|billing.tiers.hobby.spot_fallback: 'yes' is not a boolean; allowed true or false",
            "pro.capacities|spot,gpu|billing.tiers.pro.capacities: 'gpu' is not a capacity; allowed a non-empty list of spot, on_demand",
            "pro.capacities|' '|billing.tiers.pro.capacities: no capacity given; allowed a non-empty list of spot, on_demand",
            "pro.stripe_price|prod_123|billing.tiers.pro.stripe_price: 'prod_123' is not a Stripe price id; allowed a Stripe price id such as price_1AbC (or empty: not sold online)",
    })
    void badValuesNameTheKeyAndWhatIsAllowed(String key, String value, String message) {
        var e = assertThrows(IllegalArgumentException.class, () -> TierCatalog.load(Map.of(key, value)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void unknownTierOrFieldNamesWhatExists() {
        var tier = assertThrows(IllegalArgumentException.class,
                () -> TierCatalog.load(Map.of("gold.parallel_jobs", "3")));
        assertTrue(tier.getMessage().startsWith("billing.tiers.gold.parallel_jobs: expected"), tier.getMessage());
        assertTrue(tier.getMessage().contains("hobby, research, pro, enterprise"), tier.getMessage());

        var field = assertThrows(IllegalArgumentException.class, () -> TierCatalog.load(Map.of("hobby.gpus", "3")));
        assertEquals("billing.tiers.hobby.gpus: 'gpus' is not a tier field; allowed parallel_jobs, jobs_per_day, "
                + "max_runtime_seconds, capacities, spot_fallback, max_cost_per_job_usd, api_requests_per_minute, "
                + "stripe_price", field.getMessage());
    }

    @Test
    void anOverrideThatMakesAHigherTierTighterIsRefused() {
        var raised = assertThrows(IllegalArgumentException.class,
                () -> TierCatalog.load(Map.of("hobby.parallel_jobs", "3")));
        assertTrue(raised.getMessage().startsWith("billing.tiers.hobby.parallel_jobs (3) is beyond "
                + "billing.tiers.research.parallel_jobs (2)"), raised.getMessage());

        var narrowed = assertThrows(IllegalArgumentException.class,
                () -> TierCatalog.load(Map.of("pro.capacities", "on_demand")));
        assertTrue(narrowed.getMessage().startsWith("billing.tiers.research.capacities ([spot]) is beyond "
                + "billing.tiers.pro.capacities ([on_demand])"), narrowed.getMessage());

        // raising the whole ladder together is fine
        TierCatalog raisedTogether = TierCatalog.load(Map.of("hobby.parallel_jobs", "2"));
        assertEquals(2, raisedTogether.get("hobby").parallelJobs());
    }

    @Test
    void twoTiersCannotShareAPrice() {
        var e = assertThrows(IllegalArgumentException.class, () -> TierCatalog.load(Map.of(
                "pro.stripe_price", "price_same", "research.stripe_price", "price_same")));
        assertEquals("billing.tiers.pro.stripe_price: price_same is already billing.tiers.research.stripe_price; "
                + "allowed a price id used by one tier only", e.getMessage());
    }

    @Test
    void contractLimitsReplaceTheNamedFieldsOnly() {
        TierCatalog catalog = TierCatalog.load(Map.of("enterprise.stripe_price", "price_ent"));
        Tier contract = catalog.withContract("enterprise",
                "{\"parallel_jobs\": 50, \"capacities\": [\"on_demand\"], \"max_cost_per_job_usd\": 2500.0}");
        Tier base = catalog.get("enterprise");
        assertEquals(base.withLimits(50, base.jobsPerDay(), base.maxRuntimeSeconds(), Set.of(ON_DEMAND), 2500.0,
                base.apiRequestsPerMinute()), contract);
        assertEquals("price_ent", contract.stripePriceId());
    }

    @Test
    void noContractMeansTheTierUnchanged() {
        TierCatalog catalog = TierCatalog.defaults();
        assertSame(catalog.get("enterprise"), catalog.withContract("enterprise", null));
        assertSame(catalog.get("enterprise"), catalog.withContract("enterprise", "  "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"parallel_jobs\": 0}|contract.parallel_jobs: 0 is out of range; allowed 1..10000",
            "{\"parallel_jobs\": \"50\"}|contract.parallel_jobs: \"50\" is not a number; allowed 1..10000",
            "{\"capacities\": \"spot\"}|contract.capacities: \"spot\" is not a list; allowed a non-empty list of spot, on_demand",
            "{\"capacities\": []}|contract.capacities: no capacity given; allowed a non-empty list of spot, on_demand",
            "{\"spot_fallback\": 1}|contract.spot_fallback: 1 is not a boolean; allowed true or false",
            "{\"seats\": 5}|contract.seats: 'seats' is not a tier field; allowed parallel_jobs, jobs_per_day, max_runtime_seconds, capacities, spot_fallback, max_cost_per_job_usd, api_requests_per_minute, stripe_price",
            "{\"stripe_price\": \"price_x\"}|contract.stripe_price: a contract sets limits, not prices; allowed parallel_jobs, jobs_per_day, max_runtime_seconds, capacities, spot_fallback, max_cost_per_job_usd, api_requests_per_minute",
            "[1, 2]|contract limits for enterprise: not a JSON object; allowed an object with fields parallel_jobs, jobs_per_day, max_runtime_seconds, capacities, spot_fallback, max_cost_per_job_usd, api_requests_per_minute",
    })
    void badContractsNameTheField(String json, String message) {
        var e = assertThrows(IllegalArgumentException.class,
                () -> TierCatalog.defaults().withContract("enterprise", json));
        assertEquals(message, e.getMessage());
    }

    @Test
    void malformedOrAmbiguousContractJsonIsRefused() {
        for (String json : List.of("{\"parallel_jobs\": ", "{\"parallel_jobs\": 5, \"parallel_jobs\": 50}",
                "{\"parallel_jobs\": 5} {}")) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> TierCatalog.defaults().withContract("enterprise", json), json);
            assertTrue(e.getMessage().startsWith("contract limits for enterprise: not valid JSON"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> TierCatalog.defaults().withContract("gold", "{}"));
    }
}
