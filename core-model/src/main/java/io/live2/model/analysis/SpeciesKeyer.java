package io.live2.model.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Canonical keys for a frame's molecules, re-keying only molecules that changed since the previous frame.
 * The cache is keyed by the molecule's atom ids, bonds with orders and labels ({@link MoleculeGraph#equals}, which
 * ignores coordinates), so an unchanged molecule reuses its key however it moved. Entries not seen in the latest
 * frame are dropped, so the cache never holds more than one frame's molecules. Not thread-safe.
 */
public final class SpeciesKeyer {
    private HashMap<MoleculeGraph, String> cache = new HashMap<>();
    private long rekeyed;
    private long reused;

    public List<String> keys(List<MoleculeGraph> molecules) {
        HashMap<MoleculeGraph, String> next = new HashMap<>(Math.max(16, molecules.size() * 4 / 3 + 1));
        List<String> out = new ArrayList<>(molecules.size());
        for (MoleculeGraph g : molecules) {
            String k = cache.get(g);
            if (k == null) {
                k = next.get(g);
            }
            if (k == null) {
                k = CanonicalKey.of(g);
                rekeyed++;
            } else {
                reused++;
            }
            next.put(g, k);
            out.add(k);
        }
        cache = next;
        return out;
    }

    /** Molecules whose key was computed. */
    public long rekeyed() {
        return rekeyed;
    }

    /** Molecules whose key came from the cache. */
    public long reused() {
        return reused;
    }

    /** Molecules held in the cache (those of the latest frame). */
    public int cached() {
        return cache.size();
    }
}
