package io.live2.billing.stripe;

import io.live2.billing.Capacity;
import io.live2.billing.Tier;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Three tiers for the state-machine tests; only id, rank and price matter to the machine. */
final class TestTiers {

    static final Tier HOBBY = tier("hobby", 0, "price_hobby");
    static final Tier RESEARCH = tier("research", 1, "price_research");
    static final Tier PRO = tier("pro", 2, "price_pro");
    static final List<Tier> ALL = List.of(HOBBY, RESEARCH, PRO);

    private TestTiers() {
    }

    static Optional<Tier> byPrice(String priceId) {
        return ALL.stream().filter(t -> t.stripePriceId().equals(priceId)).findFirst();
    }

    static Tier byId(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tier: unknown id " + id));
    }

    private static Tier tier(String id, int rank, String price) {
        return new Tier(id, id, rank, 1 + rank, 5 + rank, 1800L * (rank + 1), Set.of(Capacity.SPOT), false,
                0.5 * (rank + 1), 10 * (rank + 1), price);
    }
}
