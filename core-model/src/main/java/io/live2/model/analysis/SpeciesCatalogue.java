package io.live2.model.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The species catalogue: per canonical key, first and last frame seen, abundance (molecules in a frame) final and
 * peak, total molecule-frames, and whether the species is novel (absent from the first observed frame). Also the
 * per-frame abundance time series and the number of species first seen in each frame. Not thread-safe.
 */
public final class SpeciesCatalogue {

    /**
     * @param representative the first molecule observed with this key
     * @param abundanceFinal molecules of this species in the latest observed frame (0 when absent there)
     * @param observations   molecule-frames: the sum of the abundance over all observed frames
     * @param novel          not present in the first observed frame
     */
    public record SpeciesRecord(String key, MoleculeGraph representative, int atoms, long firstSeenStep,
                                long lastSeenStep, long abundanceFinal, long abundancePeak, long observations,
                                boolean novel) {
    }

    private static final class Entry {
        final String key;
        final MoleculeGraph representative;
        final long firstSeen;
        final boolean novel;
        long lastSeen;
        long peak;
        long observations;
        long[] series = new long[4];
        int lastFrame = -1;

        Entry(String key, MoleculeGraph representative, long firstSeen, boolean novel) {
            this.key = key;
            this.representative = representative;
            this.firstSeen = firstSeen;
            this.novel = novel;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Long> steps = new ArrayList<>();
    private final List<Integer> novelPerFrame = new ArrayList<>();

    /** Records one analysis frame; frames must come in strictly increasing step order. */
    public void observe(long step, List<MoleculeGraph> molecules, List<String> keys) {
        if (molecules.size() != keys.size()) {
            throw new IllegalArgumentException(molecules.size() + " molecules but " + keys.size() + " keys");
        }
        if (!steps.isEmpty() && step <= steps.get(steps.size() - 1)) {
            throw new IllegalArgumentException("step " + step + " is not after " + steps.get(steps.size() - 1));
        }
        int frame = steps.size();
        boolean first = frame == 0;
        steps.add(step);
        List<Entry> touched = new ArrayList<>();
        int fresh = 0;
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            Entry e = entries.get(k);
            if (e == null) {
                e = new Entry(k, molecules.get(i), step, !first);
                entries.put(k, e);
                fresh++;
            }
            if (e.lastFrame != frame) {
                e.lastFrame = frame;
                e.lastSeen = step;
                touched.add(e);
                if (e.series.length <= frame) {
                    e.series = Arrays.copyOf(e.series, Math.max(frame + 1, e.series.length * 2));
                }
            }
            e.series[frame]++;
            e.observations++;
        }
        for (Entry e : touched) {
            if (e.series[frame] > e.peak) {
                e.peak = e.series[frame];
            }
        }
        novelPerFrame.add(fresh);
    }

    /** All species, sorted by first-seen step, then key. */
    public List<SpeciesRecord> species() {
        int last = steps.size() - 1;
        List<SpeciesRecord> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            long fin = e.lastFrame == last ? e.series[last] : 0;
            out.add(new SpeciesRecord(e.key, e.representative, e.representative.atomCount(), e.firstSeen, e.lastSeen,
                    fin, e.peak, e.observations, e.novel));
        }
        out.sort(Comparator.comparingLong(SpeciesRecord::firstSeenStep).thenComparing(SpeciesRecord::key));
        return out;
    }

    /** Steps of the observed frames, in order. */
    public List<Long> steps() {
        return Collections.unmodifiableList(steps);
    }

    /** Per species key (in {@link #species()} order), the abundance in each observed frame, aligned with {@link #steps()}. */
    public Map<String, long[]> timeSeries() {
        int frames = steps.size();
        Map<String, long[]> out = new LinkedHashMap<>();
        for (SpeciesRecord r : species()) {
            Entry e = entries.get(r.key());
            out.put(r.key(), Arrays.copyOf(e.series, frames));
        }
        return out;
    }

    /** Per observed frame, the number of species first seen in it (the first frame counts all its species). */
    public List<Integer> novelPerFrame() {
        return Collections.unmodifiableList(novelPerFrame);
    }

    public int size() {
        return entries.size();
    }
}
