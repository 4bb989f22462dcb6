package io.live2.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * thermo.csv at the run directory's root: one row every {@code output.thermo_every} steps (the steps that are
 * multiples of it, step 0 included), what LAMMPS's {@code thermo} prints. Numbers are formatted with
 * {@link Locale#ROOT} and a fixed precision, so identical runs give identical bytes.
 *
 * <p>Units are the engine's: time ps, temperature K, energies kJ/mol (whole system), pressure kJ/mol/nm² (the 2-D
 * virial pressure of {@link Simulation#pressure()}).
 *
 * <p>The rows of the run's second half (step &gt; total_steps / 2) are kept in memory for the means and blocked
 * standard errors of results.json. On resume the rows after the checkpoint's step (a hard kill between
 * checkpoints) and a torn last line are cut, and the kept rows are read back into those series, so a resumed run's
 * thermo.csv and averages equal an uninterrupted run's, also when the resume changes the step total.
 */
final class ThermoLog implements AutoCloseable {
    static final String FILE = "thermo.csv";
    static final String HEADER = "step,time_ps,temperature_k,kinetic_energy,potential_energy,total_energy,pressure,bonds,molecules";
    /** Ten significant digits: well below the run-to-run noise of any column, and the same bytes everywhere. */
    private static final String REAL = "%.10g";
    private static final String ROW = "%d," + REAL + "," + REAL + "," + REAL + "," + REAL + "," + REAL + "," + REAL + ",%d,%d\n";

    private BufferedWriter out;
    private final long every;
    private final long half;
    private final int atoms;
    private final Series potentialPerAtom = new Series();
    private final Series pressure = new Series();

    private ThermoLog(BufferedWriter out, long every, long totalSteps, int atoms) {
        this.out = out;
        this.every = every;
        this.half = totalSteps / 2;
        this.atoms = atoms;
    }

    /**
     * Opens thermo.csv in {@code root}, or returns null when {@code every} is 0.
     *
     * @param step       the step the run starts from
     * @param continuing true for a resume: the file is cut after {@code step} and appended to; false: a new file
     */
    static ThermoLog open(Path root, long every, long step, boolean continuing, long totalSteps, int atoms) throws IOException {
        if (every <= 0) {
            return null;
        }
        Path file = root.resolve(FILE); // RunDirectory.thermo()
        if (continuing && Files.exists(file)) {
            ThermoLog log = new ThermoLog(null, every, totalSteps, atoms);
            long keep = log.readBack(file, step);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
            log.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            if (keep == 0) {
                log.out.write(HEADER + "\n");
            }
            return log;
        }
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write(HEADER + "\n");
        return new ThermoLog(w, every, totalSteps, atoms);
    }

    /** True when {@code step} gets a row. */
    boolean due(long step) {
        return step % every == 0;
    }

    void row(long step, double timePs, double temperature, double kinetic, double potential, double pressureNow,
             int bonds, int molecules) throws IOException {
        double total = kinetic + potential;
        String line = String.format(Locale.ROOT, ROW, step, timePs, temperature, kinetic, potential, total, pressureNow,
                bonds, molecules);
        out.write(line);
        if (step > half) {
            // the printed values, so that averages recomputed from the file on resume are the same numbers
            String[] f = line.substring(0, line.length() - 1).split(",");
            potentialPerAtom.add(Double.parseDouble(f[4]) / atoms);
            pressure.add(Double.parseDouble(f[6]));
        }
    }

    /** Pushes the buffered rows to the file (before a checkpoint, so the rows it covers survive a kill). */
    void flush() throws IOException {
        out.flush();
    }

    /** results.json's averages over the second half of the run: means and blocked standard errors. */
    void summarize(Map<String, Object> summary) {
        BlockAverages.Estimate pe = BlockAverages.estimate(potentialPerAtom.values, potentialPerAtom.size);
        BlockAverages.Estimate p = BlockAverages.estimate(pressure.values, pressure.size);
        summary.put("thermo_rows_averaged", pe.n());
        summary.put("potential_energy_per_atom_mean", finiteOrNull(pe.mean()));
        summary.put("potential_energy_per_atom_sem", finiteOrNull(pe.sem()));
        summary.put("pressure_mean", finiteOrNull(p.mean()));
        summary.put("pressure_sem", finiteOrNull(p.sem()));
    }

    private static Double finiteOrNull(double d) {
        return Double.isFinite(d) ? d : null;
    }

    /** Reads the rows up to {@code step} into the series; returns the byte length to keep (0: rewrite the header). */
    private long readBack(Path file, long step) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long keep = 0;
        int start = 0;
        boolean header = true;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
            if (header) {
                if (!line.equals(HEADER)) {
                    return 0; // not a thermo.csv this version writes: start it again
                }
                header = false;
            } else {
                String[] f = line.split(",");
                long rowStep;
                try {
                    rowStep = Long.parseLong(f[0]);
                } catch (NumberFormatException e) {
                    break;
                }
                if (rowStep > step || f.length != 9) {
                    break;
                }
                if (rowStep > half) {
                    potentialPerAtom.add(Double.parseDouble(f[4]) / atoms);
                    pressure.add(Double.parseDouble(f[6]));
                }
            }
            start = i + 1;
            keep = start;
        }
        return keep;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** A growable array of doubles. */
    private static final class Series {
        double[] values = new double[64];
        int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void addAll(Series other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }
    }
}
