package io.live2.model.build;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompositionPropertyTest {

    @Property(tries = 300)
    void atomCountWithinOneLargestMoleculeAndCountsWithinOneOfTheirShare(
            @ForAll @Size(min = 1, max = 6) List<@DoubleRange(min = 0.01, max = 1000) Double> ratios,
            @ForAll @Size(value = 6) List<@IntRange(min = 1, max = 8) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 200_000) int particles) {
        int k = ratios.size();
        int[] atomsEach = sizes.subList(0, k).stream().mapToInt(Integer::intValue).toArray();
        long[] counts = Composition.scale(ratios, atomsEach, particles);
        long atoms = 0;
        long molecules = 0;
        int largest = 0;
        for (int i = 0; i < k; i++) {
            atoms += counts[i] * atomsEach[i];
            molecules += counts[i];
            largest = Math.max(largest, atomsEach[i]);
        }
        assertTrue(molecules >= 1);
        assertTrue(Math.abs(atoms - particles) < largest || molecules == 1,
                "atoms " + atoms + " vs " + particles + " (largest molecule " + largest + ")");
        double sum = ratios.stream().mapToDouble(Double::doubleValue).sum();
        for (int i = 0; i < k; i++) {
            assertEquals(molecules * ratios.get(i) / sum, counts[i], 1.0, "component " + i);
        }
    }
}
