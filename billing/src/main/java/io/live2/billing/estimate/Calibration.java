package io.live2.billing.estimate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code live calibrate} measured on one machine: for each (backend, preset family, atom count), how fast a
 * job advances (atom-steps per second over the whole job path: simulation, analysis, output and artifact copies)
 * and what it spends regardless of its length (start-up, the final analysis and report, the last uploads). The
 * estimator interpolates between these points; nothing in it is typed in.
 *
 * @param createdAt   ISO-8601 instant of the measurement
 * @param machine     cores, JVM and OS of the machine measured
 * @param command     the command line that produced the file
 * @param liveVersion the version of live that ran it
 * @param points      the measurements
 */
public record Calibration(String createdAt, String machine, String command, String liveVersion, List<Point> points) {

    /**
     * @param backend            the config's backend as submitted (auto, cpu, simd, …)
     * @param family             the preset (miller-urey, lj-fluid, …) the runs used
     * @param atoms              atom count
     * @param atomStepsPerSecond the marginal rate: atoms × (extra steps) ÷ (extra seconds) between a short and a long run
     * @param fixedSeconds       what the short run took beyond its steps at that rate (start-up and final work)
     */
    public record Point(String backend, String family, int atoms, double atomStepsPerSecond, double fixedSeconds) {
    }

    public Calibration {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("points: a calibration needs at least one measured point");
        }
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (p.backend() == null || p.family() == null) {
                throw new IllegalArgumentException("points[" + i + "]: backend and family are required");
            }
            if (p.atoms() < 1) {
                throw new IllegalArgumentException("points[" + i + "].atoms: " + p.atoms() + " is out of range; allowed 1..");
            }
            if (!(p.atomStepsPerSecond() > 0) || Double.isInfinite(p.atomStepsPerSecond())) {
                throw new IllegalArgumentException("points[" + i + "].atom_steps_per_second: " + p.atomStepsPerSecond()
                        + " is out of range; allowed a positive finite number");
            }
            if (!(p.fixedSeconds() >= 0) || Double.isInfinite(p.fixedSeconds())) {
                throw new IllegalArgumentException("points[" + i + "].fixed_seconds: " + p.fixedSeconds()
                        + " is out of range; allowed 0 or more");
            }
        }
        points = points.stream().sorted(Comparator.comparing(Point::backend).thenComparing(Point::family)
                .thenComparingInt(Point::atoms)).toList();
    }

    /** The calibration shipped with live: produced by {@code live calibrate} on the machine docs/billing.md names. */
    public static Calibration bundled() {
        try (InputStream in = Calibration.class.getResourceAsStream("calibration.json")) {
            if (in == null) {
                throw new IllegalStateException("calibration.json is missing from the billing module's resources");
            }
            return EstimateJson.MAPPER.readValue(in, Calibration.class);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled calibration.json: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    public static Calibration read(Path file) {
        try {
            return EstimateJson.MAPPER.readValue(Files.readString(file), Calibration.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("billing.calibration_file: cannot read " + file + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("billing.calibration_file: " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            EstimateJson.MAPPER.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
