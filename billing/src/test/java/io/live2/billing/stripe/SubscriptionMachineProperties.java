package io.live2.billing.stripe;

import io.live2.billing.Subscription;
import io.live2.billing.SubscriptionStatus;
import io.live2.billing.Tier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook handler fetches the subscription before applying it, so what reaches the machine is always Stripe's
 * latest state; these properties are what make redeliveries and out-of-order events harmless.
 */
class SubscriptionMachineProperties {

    private static final Instant NOW = Instant.parse("2030-03-10T08:00:00Z");
    private static final List<String> STATUSES =
            List.of("active", "trialing", "past_due", "canceled", "incomplete", "incomplete_expired", "unpaid", "paused");
    private static final List<String> PRICES =
            List.of("price_hobby", "price_research", "price_pro", "price_not_configured");

    private static Subscription apply(Subscription current, StripeSubscriptionState state) {
        return SubscriptionMachine.apply(current, state, TestTiers::byPrice, TestTiers::byId, NOW);
    }

    @Property(tries = 500)
    void applyingTheSameFetchedStateTwiceEqualsApplyingItOnce(@ForAll("anyStored") Optional<Subscription> current,
                                                               @ForAll("anyFetched") StripeSubscriptionState fetched) {
        Assume.that(current.isPresent() || TestTiers.byPrice(fetched.priceId()).isPresent());

        Subscription once = apply(current.orElse(null), fetched);

        assertEquals(once, apply(once, fetched));
    }

    @Property(tries = 500)
    void withinAPeriodTheOrderOfEarlierStatesDoesNotMatter(@ForAll("storedSub1") Subscription current,
                                                           @ForAll("earlierStates") List<StripeSubscriptionState> earlier,
                                                           @ForAll("fetchedSub1InPeriod") StripeSubscriptionState latest,
                                                           @ForAll Random random) {
        List<StripeSubscriptionState> shuffled = new ArrayList<>(earlier);
        Collections.shuffle(shuffled, random);

        assertEquals(applyAll(current, earlier, latest), applyAll(current, shuffled, latest));
    }

    @Property(tries = 500)
    void theTierComesOnlyFromTheStoredSubscriptionOrStripesPrice(@ForAll("anyStored") Optional<Subscription> current,
                                                                 @ForAll("anyFetched") StripeSubscriptionState fetched) {
        Assume.that(current.isPresent() || TestTiers.byPrice(fetched.priceId()).isPresent());

        Subscription next = apply(current.orElse(null), fetched);

        if (!fetched.subscriptionId().equals(next.stripeSubscriptionId())) {
            assertEquals(current.orElseThrow(), next, "another subscription is applied whole or ignored whole");
            return;
        }
        Optional<String> priced = TestTiers.byPrice(fetched.priceId()).map(Tier::id);
        Set<String> allowed = new HashSet<>();
        priced.ifPresent(allowed::add);
        current.ifPresent(c -> {
            allowed.add(c.tierId());
            if (c.pendingTierId() != null) {
                allowed.add(c.pendingTierId());
            }
        });
        assertTrue(allowed.contains(next.tierId()), () -> next.tierId() + " not in " + allowed);
        if (next.pendingTierId() != null) {
            assertEquals(priced.orElse(null), next.pendingTierId(), "only Stripe's price can be pending");
        }
    }

    private static Subscription applyAll(Subscription current, List<StripeSubscriptionState> earlier,
                                         StripeSubscriptionState latest) {
        Subscription s = current;
        for (StripeSubscriptionState state : earlier) {
            s = apply(s, state);
        }
        return apply(s, latest);
    }

    @Provide
    Arbitrary<Optional<Subscription>> anyStored() {
        return stored(Arbitraries.of("sub_1", "sub_2"), instants(true)).optional();
    }

    @Provide
    Arbitrary<Subscription> storedSub1() {
        return stored(Arbitraries.just("sub_1"), instants(true));
    }

    @Provide
    Arbitrary<StripeSubscriptionState> anyFetched() {
        return fetched(Arbitraries.of("sub_1", "sub_2", "sub_3"), instants(true),
                Arbitraries.of("cus_1", "cus_2").injectNull(0.2));
    }

    /** One subscription within one period; its customer is fixed, as Stripe never moves a subscription. */
    @Provide
    Arbitrary<StripeSubscriptionState> fetchedSub1InPeriod() {
        return fetched(Arbitraries.just("sub_1"), instants(false), Arbitraries.just("cus_1"));
    }

    @Provide
    Arbitrary<List<StripeSubscriptionState>> earlierStates() {
        return fetchedSub1InPeriod().list().ofMaxSize(6);
    }

    private static Arbitrary<Subscription> stored(Arbitrary<String> subscriptionIds, Arbitrary<Instant> periodEnds) {
        Arbitrary<String> tiers = Arbitraries.of("hobby", "research", "pro");
        return Combinators.combine(tiers, Arbitraries.of(SubscriptionStatus.values()), periodEnds,
                        instants(true).injectNull(0.5), tiers.injectNull(0.5), Arbitraries.of(true, false),
                        subscriptionIds)
                .as((tier, status, end, since, pending, cancel, sub) -> new Subscription(tier, status, end,
                        status == SubscriptionStatus.PAST_DUE ? since : null, pending, cancel, "cus_1", sub));
    }

    private static Arbitrary<StripeSubscriptionState> fetched(Arbitrary<String> subscriptionIds,
                                                              Arbitrary<Instant> periodEnds,
                                                              Arbitrary<String> customers) {
        return Combinators.combine(subscriptionIds, Arbitraries.of(STATUSES), Arbitraries.of(PRICES), periodEnds,
                        Arbitraries.of(true, false), customers)
                .as((sub, status, price, end, cancel, customer) ->
                        new StripeSubscriptionState(sub, customer, status, price, end, cancel, "user-1"));
    }

    /** Instants around NOW; {@code pastToo}: also before it (and null), else strictly after it (one period ahead). */
    private static Arbitrary<Instant> instants(boolean pastToo) {
        Arbitrary<Instant> at = Arbitraries.longs().between(pastToo ? -40L * 86_400 : 1, 40L * 86_400)
                .map(NOW::plusSeconds);
        return pastToo ? at.injectNull(0.1) : at;
    }
}
