package io.live2.billing.stripe;

import io.live2.billing.Subscription;
import io.live2.billing.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.live2.billing.stripe.TestTiers.HOBBY;
import static io.live2.billing.stripe.TestTiers.PRO;
import static io.live2.billing.stripe.TestTiers.RESEARCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionMachineTest {

    private static final Instant NOW = Instant.parse("2030-03-10T08:00:00Z");
    private static final Instant PERIOD_END = Instant.parse("2030-04-01T00:00:00Z");
    private static final Instant NEXT_PERIOD_END = Instant.parse("2030-05-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofDays(3);

    private static Subscription stored(String tierId, SubscriptionStatus status) {
        return new Subscription(tierId, status, PERIOD_END, null, null, false, "cus_1", "sub_1");
    }

    private static StripeSubscriptionState fetched(String status, String priceId, Instant periodEnd,
                                                   boolean cancelAtPeriodEnd) {
        return new StripeSubscriptionState("sub_1", "cus_1", status, priceId, periodEnd, cancelAtPeriodEnd, "user-1");
    }

    private static Subscription apply(Subscription current, StripeSubscriptionState state, Instant now) {
        return SubscriptionMachine.apply(current, state, TestTiers::byPrice, TestTiers::byId, now);
    }

    @Test
    void anUpgradeTakesEffectAtOnce() {
        Subscription next = apply(stored("research", SubscriptionStatus.ACTIVE),
                fetched("active", PRO.stripePriceId(), PERIOD_END, false), NOW);

        assertEquals("pro", next.tierId());
        assertNull(next.pendingTierId());
        assertEquals("pro", next.effectiveTierId(NOW));
    }

    @Test
    void aDowngradeWaitsForThePeriodEndThenApplies() {
        Subscription scheduled = apply(stored("pro", SubscriptionStatus.ACTIVE),
                fetched("active", HOBBY.stripePriceId(), PERIOD_END, false), NOW);

        assertEquals("pro", scheduled.tierId());
        assertEquals("hobby", scheduled.pendingTierId());
        assertEquals("pro", scheduled.effectiveTierId(PERIOD_END.minusSeconds(1)));
        assertEquals("hobby", scheduled.effectiveTierId(PERIOD_END));

        // the renewal's event: the pending change is due, and the new period runs on the lower tier
        Instant afterRenewal = PERIOD_END.plusSeconds(60);
        Subscription renewed = apply(scheduled, fetched("active", HOBBY.stripePriceId(), NEXT_PERIOD_END, false),
                afterRenewal);
        assertEquals("hobby", renewed.tierId());
        assertNull(renewed.pendingTierId());
        assertEquals(NEXT_PERIOD_END, renewed.currentPeriodEnd());
    }

    @Test
    void aDowngradeDuringTrialAlsoWaits() {
        Subscription next = apply(stored("research", SubscriptionStatus.TRIALING),
                fetched("trialing", HOBBY.stripePriceId(), PERIOD_END, false), NOW);

        assertEquals("research", next.tierId());
        assertEquals("hobby", next.pendingTierId());
    }

    @Test
    void returningToTheCurrentPriceDropsTheScheduledDowngrade() {
        Subscription scheduled = apply(stored("pro", SubscriptionStatus.ACTIVE),
                fetched("active", HOBBY.stripePriceId(), PERIOD_END, false), NOW);

        Subscription undone = apply(scheduled, fetched("active", PRO.stripePriceId(), PERIOD_END, false), NOW);

        assertEquals("pro", undone.tierId());
        assertNull(undone.pendingTierId());
    }

    @Test
    void anUpgradeReplacesAScheduledDowngrade() {
        Subscription scheduled = apply(stored("research", SubscriptionStatus.ACTIVE),
                fetched("active", HOBBY.stripePriceId(), PERIOD_END, false), NOW);

        Subscription upgraded = apply(scheduled, fetched("active", PRO.stripePriceId(), PERIOD_END, false), NOW);

        assertEquals("pro", upgraded.tierId());
        assertNull(upgraded.pendingTierId());
    }

    @Test
    void aDowngradeWhosePeriodIsAlreadyOverAppliesAtOnce() {
        Subscription next = apply(stored("pro", SubscriptionStatus.ACTIVE),
                fetched("active", HOBBY.stripePriceId(), NOW.minusSeconds(1), false), NOW);

        assertEquals("hobby", next.tierId());
        assertNull(next.pendingTierId());
    }

    @Test
    void cancelAtPeriodEndKeepsTheTierAndStopsAdmissionAtTheEnd() {
        Subscription next = apply(stored("research", SubscriptionStatus.ACTIVE),
                fetched("active", RESEARCH.stripePriceId(), PERIOD_END, true), NOW);

        assertTrue(next.cancelAtPeriodEnd());
        assertEquals("research", next.tierId());
        assertEquals(SubscriptionStatus.ACTIVE, next.status());
        assertTrue(next.admitsNewJobs(PERIOD_END.minusSeconds(1), GRACE));
        assertFalse(next.admitsNewJobs(PERIOD_END, GRACE));
    }

    @Test
    void aDeletedSubscriptionIsCanceledAndAdmitsNoNewJob() {
        Subscription scheduled = apply(stored("pro", SubscriptionStatus.ACTIVE),
                fetched("active", HOBBY.stripePriceId(), PERIOD_END, false), NOW);

        Subscription deleted = apply(scheduled, fetched("canceled", HOBBY.stripePriceId(), PERIOD_END, false), NOW);

        assertEquals(SubscriptionStatus.CANCELED, deleted.status());
        assertEquals("pro", deleted.tierId());
        assertNull(deleted.pendingTierId(), "nothing renews, so nothing is pending");
        assertFalse(deleted.admitsNewJobs(PERIOD_END.minusSeconds(1), GRACE), "unpaid or canceled: no paid time to use");
    }

    @Test
    void pastDueStartsTheGraceOnceAndPaymentEndsIt() {
        Subscription pastDue = apply(stored("research", SubscriptionStatus.ACTIVE),
                fetched("past_due", RESEARCH.stripePriceId(), PERIOD_END, false), NOW);
        assertEquals(SubscriptionStatus.PAST_DUE, pastDue.status());
        assertEquals(NOW, pastDue.pastDueSince());

        // a later payment_failed retry: the grace still counts from the first failure
        Instant retry = NOW.plus(Duration.ofDays(2));
        Subscription stillPastDue = apply(pastDue, fetched("past_due", RESEARCH.stripePriceId(), PERIOD_END, false),
                retry);
        assertEquals(NOW, stillPastDue.pastDueSince());
        assertTrue(stillPastDue.admitsNewJobs(NOW.plus(GRACE).minusSeconds(1), GRACE));
        assertFalse(stillPastDue.admitsNewJobs(NOW.plus(GRACE), GRACE));

        Subscription paid = apply(stillPastDue, fetched("active", RESEARCH.stripePriceId(), PERIOD_END, false), retry);
        assertEquals(SubscriptionStatus.ACTIVE, paid.status());
        assertNull(paid.pastDueSince());
    }

    @Test
    void aPriceWithNoTierKeepsTheTierAndIsReported() {
        SubscriptionTransition t = SubscriptionMachine.transition(stored("research", SubscriptionStatus.ACTIVE),
                fetched("active", "price_legacy_2019", PERIOD_END, false), TestTiers::byPrice, TestTiers::byId, NOW);

        assertEquals("research", t.subscription().tierId());
        assertEquals("price_legacy_2019", t.unknownPriceId());
        assertNotNull(t.note());
        assertTrue(t.note().contains("price_legacy_2019"), t.note());
    }

    @Test
    void aPriceWithNoTierAndNoTierToKeepIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> apply(null, fetched("active", "price_legacy_2019", PERIOD_END, false), NOW));
        assertTrue(e.getMessage().startsWith("fetched.priceId"), e.getMessage());
    }

    @Test
    void aFirstPurchaseTakesItsTierAtOnce() {
        Subscription fromNothing = apply(null, fetched("active", RESEARCH.stripePriceId(), PERIOD_END, false), NOW);
        Subscription fromGranted = apply(Subscription.granted("pro"),
                fetched("active", HOBBY.stripePriceId(), PERIOD_END, false), NOW);

        assertEquals("research", fromNothing.tierId());
        assertEquals("sub_1", fromNothing.stripeSubscriptionId());
        assertEquals("cus_1", fromNothing.stripeCustomerId());
        assertEquals("hobby", fromGranted.tierId(), "a purchase replaces a granted tier, even a higher one");
        assertNull(fromGranted.pendingTierId());
    }

    @Test
    void anOldSubscriptionsLateCancellationDoesNotEndTheNewOne() {
        Subscription current = new Subscription("pro", SubscriptionStatus.ACTIVE, PERIOD_END, null, null, false,
                "cus_1", "sub_new");
        var old = new StripeSubscriptionState("sub_old", "cus_1", "canceled", RESEARCH.stripePriceId(), PERIOD_END,
                false, "user-1");

        SubscriptionTransition t = SubscriptionMachine.transition(current, old, TestTiers::byPrice, TestTiers::byId,
                NOW);

        assertEquals(current, t.subscription());
        assertNotNull(t.note());
    }

    @Test
    void anIncompleteCheckoutDoesNotTakeAwayAGrantedTier() {
        Subscription granted = Subscription.granted("hobby");

        Subscription next = apply(granted, fetched("incomplete", PRO.stripePriceId(), PERIOD_END, false), NOW);

        assertEquals(granted, next);
    }

    @Test
    void aNewLiveSubscriptionReplacesAnEndedOne() {
        Subscription ended = new Subscription("pro", SubscriptionStatus.CANCELED, NOW.minusSeconds(5), null, null,
                false, "cus_1", "sub_old");

        Subscription next = apply(ended, fetched("active", HOBBY.stripePriceId(), PERIOD_END, false), NOW);

        assertEquals("hobby", next.tierId());
        assertEquals(SubscriptionStatus.ACTIVE, next.status());
        assertEquals("sub_1", next.stripeSubscriptionId());
    }

    @Test
    void theCustomerIdIsKeptWhenStripeOmitsIt() {
        var noCustomer = new StripeSubscriptionState("sub_1", null, "active", RESEARCH.stripePriceId(), PERIOD_END,
                false, null);

        assertEquals("cus_1", apply(stored("research", SubscriptionStatus.ACTIVE), noCustomer, NOW).stripeCustomerId());
    }

    @Test
    void applyingTheSameStateTwiceChangesNothingMore() {
        Subscription current = stored("pro", SubscriptionStatus.ACTIVE);
        StripeSubscriptionState downgradeWhilePastDue = fetched("past_due", HOBBY.stripePriceId(), PERIOD_END, true);

        Subscription once = apply(current, downgradeWhilePastDue, NOW);
        Subscription twice = apply(once, downgradeWhilePastDue, NOW.plusSeconds(30));

        assertEquals(once, twice);
    }
}
