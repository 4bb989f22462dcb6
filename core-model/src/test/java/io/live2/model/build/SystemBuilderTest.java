package io.live2.model.build;

import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;
import io.live2.model.Units;
import io.live2.model.config.ConfigException;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.Presets;
import io.live2.model.config.SimulationConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemBuilderTest {

    static List<String> presets() {
        return Presets.names();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetBuildsAValidSystem(String name) {
        SimulationConfig c = ConfigLoader.fromPreset(name);
        InitialSystem s = SystemBuilder.build(c);
        ParticleState st = s.state();
        assertTrue(Math.abs(st.n - c.particles()) < 7, "atom count " + st.n + " vs " + c.particles());
        assertEquals(Math.sqrt(st.n / c.density()), st.boxX(), 1e-12);
        for (int i = 0; i < st.n; i++) {
            assertEquals(i, st.id[i]);
            assertTrue(st.x[i] >= 0 && st.x[i] < st.boxX() && st.y[i] >= 0 && st.y[i] < st.boxY());
        }
        assertValenceRespected(s);
        assertNoOverlaps(s);
        assertZeroMomentumAndTargetTemperature(s, c.temperature());
    }

    @Test
    void moleculeRatiosAndElementCountsFollowTheComposition() {
        SimulationConfig c = ConfigLoader.resolve(null, Map.of("preset", "miller-urey", "particles", 20000));
        InitialSystem s = SystemBuilder.build(c);
        Map<String, Long> n = s.moleculeCounts();
        // 500:400:800:300 molecules: each count within one molecule of its exact share
        double total = n.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(500.0 / 2000, n.get("CH4") / total, 1.0 / total);
        assertEquals(400.0 / 2000, n.get("NH3") / total, 1.0 / total);
        assertEquals(800.0 / 2000, n.get("H2O") / total, 1.0 / total);
        assertEquals(300.0 / 2000, n.get("H2") / total, 1.0 / total);
        Map<String, Long> expected = new HashMap<>();
        expected.merge("C", n.get("CH4"), Long::sum);
        expected.merge("H", 4 * n.get("CH4") + 3 * n.get("NH3") + 2 * n.get("H2O") + 2 * n.get("H2"), Long::sum);
        expected.merge("N", n.get("NH3"), Long::sum);
        expected.merge("O", n.get("H2O"), Long::sum);
        Map<String, Long> actual = new HashMap<>();
        for (int i = 0; i < s.state().n; i++) {
            actual.merge(s.types().get(s.state().type[i]).element(), 1L, Long::sum);
        }
        assertEquals(expected, actual);
        assertEquals(4 * n.get("CH4") + 3 * n.get("NH3") + 2 * n.get("H2O") + n.get("H2"), s.topology().bondCount());
    }

    @Test
    void sameSeedGivesIdenticalArraysAndDifferentSeedDiffers() {
        SimulationConfig a = ConfigLoader.resolve(null, Map.of("preset", "formamide", "seed", 5));
        SimulationConfig b = ConfigLoader.resolve(null, Map.of("preset", "formamide", "seed", 6));
        InitialSystem s1 = SystemBuilder.build(a);
        InitialSystem s2 = SystemBuilder.build(a);
        InitialSystem s3 = SystemBuilder.build(b);
        assertArrayEquals(s1.state().x, s2.state().x);
        assertArrayEquals(s1.state().vy, s2.state().vy);
        assertEquals(s1.state(), s2.state());
        assertEquals(s1.topology(), s2.topology());
        assertFalse(java.util.Arrays.equals(s1.state().x, s3.state().x));
        assertFalse(java.util.Arrays.equals(s1.state().vx, s3.state().vx));
    }

    @Test
    void ljFluidUsesTheSquareLatticeAndReducedTemperatureOne() {
        SimulationConfig c = ConfigLoader.fromPreset("lj-fluid");
        InitialSystem s = SystemBuilder.build(c);
        assertEquals("lattice", s.placement());
        assertEquals(1000, s.atomCount());
        double kinetic = kinetic(s);
        // T* = k_B T / ε = 1 with ε = 1 kJ/mol: K = N k_B T = N ε
        assertEquals(1000.0, kinetic, 1e-9);
    }

    @Test
    void hundredThousandAtomsPlaceQuickly() {
        SimulationConfig c = ConfigLoader.resolve(null, Map.of("preset", "miller-urey", "particles", 100_000));
        long t0 = System.nanoTime();
        InitialSystem s = SystemBuilder.build(c);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(Math.abs(s.atomCount() - 100_000) < 5);
        // generous bound for a shared 2-core CI machine; typical is a few hundred ms
        assertTrue(seconds < 3.0, "placing 100k atoms took " + seconds + " s");
        assertNoOverlaps(s);
    }

    @Test
    void tooDenseSaysWhatToChange() {
        ConfigException e = assertThrows(ConfigException.class, () -> SystemBuilder.build(
                ConfigLoader.resolve(null, Map.of("preset", "miller-urey", "density", 30.0))));
        assertTrue(e.getMessage().startsWith("density: "), e.getMessage());
        assertTrue(e.getMessage().contains("lower density"), e.getMessage());
    }

    @Test
    void tooSmallBoxIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> SystemBuilder.build(
                ConfigLoader.resolve(null, Map.of("preset", "miller-urey", "particles", 5))));
        assertTrue(e.getMessage().startsWith("particles: "), e.getMessage());
    }

    static void assertValenceRespected(InitialSystem s) {
        Topology t = s.topology();
        for (int i = 0; i < s.state().n; i++) {
            ParticleType type = s.types().get(s.state().type[i]);
            assertTrue(t.valenceUsed(i) <= type.maxValence(), "atom " + i + " " + type.name());
            for (int k = 0; k < t.degree(i); k++) {
                int j = t.partner(i, k);
                assertTrue(s.bondRule().bond(type, s.types().get(s.state().type[j]), t.orderAt(i, k)) != null,
                        "template bond without Morse parameters: " + type.name());
            }
        }
    }

    /** Brute force O(N²) check against the builder's grid: atoms of different molecules keep 0.9 σ_ij. */
    static void assertNoOverlaps(InitialSystem s) {
        ParticleState st = s.state();
        int[] molecule = molecules(s);
        int n = st.n;
        // bucket by coarse cell to keep the check affordable at 100k atoms, but using plain minimum image
        double cell = 0.5;
        int nc = Math.max(1, (int) (st.boxX() / cell));
        double w = st.boxX() / nc;
        List<List<Integer>> buckets = new java.util.ArrayList<>();
        for (int i = 0; i < nc * nc; i++) {
            buckets.add(new java.util.ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            buckets.get(Math.min(nc - 1, (int) (st.y[i] / w)) * nc + Math.min(nc - 1, (int) (st.x[i] / w))).add(i);
        }
        for (int i = 0; i < n; i++) {
            int cx = Math.min(nc - 1, (int) (st.x[i] / w));
            int cy = Math.min(nc - 1, (int) (st.y[i] / w));
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int b = Math.floorMod(cy + dy, nc) * nc + Math.floorMod(cx + dx, nc);
                    if (!seen.add(b)) {
                        continue;
                    }
                    for (int j : buckets.get(b)) {
                        if (j <= i || molecule[i] == molecule[j]) {
                            continue;
                        }
                        double sij = 0.5 * (s.types().get(st.type[i]).sigma() + s.types().get(st.type[j]).sigma());
                        double d = Math.sqrt(st.distance2(i, j));
                        assertTrue(d >= 0.9 * sij - 1e-12, "atoms " + i + " and " + j + " at " + d + " nm");
                    }
                }
            }
        }
    }

    static void assertZeroMomentumAndTargetTemperature(InitialSystem s, double temperature) {
        ParticleState st = s.state();
        double px = 0;
        double py = 0;
        double scale = 0;
        for (int i = 0; i < st.n; i++) {
            double m = s.types().get(st.type[i]).mass();
            px += m * st.vx[i];
            py += m * st.vy[i];
            scale += m * Math.hypot(st.vx[i], st.vy[i]);
        }
        assertEquals(0, px, 1e-12 * scale);
        assertEquals(0, py, 1e-12 * scale);
        // 2-D, 2N degrees of freedom: K = N k_B T
        assertEquals(st.n * Units.K_B * temperature, kinetic(s), 1e-9 * st.n * Units.K_B * temperature);
    }

    static double kinetic(InitialSystem s) {
        ParticleState st = s.state();
        double k = 0;
        for (int i = 0; i < st.n; i++) {
            k += 0.5 * s.types().get(st.type[i]).mass() * (st.vx[i] * st.vx[i] + st.vy[i] * st.vy[i]);
        }
        return k;
    }

    /** Connected components of the bond graph (molecule index per atom). */
    static int[] molecules(InitialSystem s) {
        int n = s.state().n;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Topology t = s.topology();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < t.degree(i); k++) {
                int a = find(parent, i);
                int b = find(parent, t.partner(i, k));
                parent[a] = b;
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = find(parent, i);
        }
        return out;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }
}
