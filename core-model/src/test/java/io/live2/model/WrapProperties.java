package io.live2.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ParticleState#wrap}: any finite position, however far outside the box, lands in [0, box) at the right
 * place (issue 11: the old v − box·⌊v/box⌋ returned −8388608 for an atom far outside), and within one box of the
 * box it gives exactly the bytes the old formula gave, so trajectories did not change.
 */
class WrapProperties {
    @Property(tries = 2000)
    void anyFinitePositionLandsInTheBoxAtTheRightPlace(@ForAll double v,
                                                       @ForAll @DoubleRange(min = 0.5, max = 5000) double box) {
        if (!Double.isFinite(v)) {
            assertTrue(Double.isNaN(ParticleState.wrap(v, box)));
            return;
        }
        double w = ParticleState.wrap(v, box);
        assertTrue(w >= 0 && w < box, v + " wrapped to " + w + " outside [0, " + box + ")");
        // w ≡ v (mod box), up to the one rounding of adding box to a negative remainder
        BigDecimal k = new BigDecimal(v).subtract(new BigDecimal(w)).divide(new BigDecimal(box), java.math.MathContext.DECIMAL128);
        double off = k.subtract(new BigDecimal(k.toBigInteger())).abs().doubleValue();
        double slack = Math.ulp(box) / box;
        assertTrue(off < slack || 1 - off < slack, v + " -> " + w + ": not a whole number of boxes apart");
    }

    @Property(tries = 2000)
    void nearTheBoxItKeepsTheOldBytes(@ForAll @DoubleRange(min = -1, max = 2, maxIncluded = false) double fraction,
                                      @ForAll @DoubleRange(min = 0.5, max = 5000) double box) {
        double v = fraction * box;
        double old = v - box * Math.floor(v / box);
        old = old >= box ? old - box : old;
        if (old >= 0) { // the old formula could return a tiny negative; the new one never does
            assertEquals(old, ParticleState.wrap(v, box), 0.0, "v = " + v);
        }
    }

    @Property(tries = 200)
    void farOutsideTheBoxIsStillInside(@ForAll @DoubleRange(min = 1e15, max = 1e300) double v) {
        double box = 14.124446891825535;
        double w = ParticleState.wrap(-v, box);
        assertTrue(w >= 0 && w < box, "-" + v + " -> " + w);
    }
}
