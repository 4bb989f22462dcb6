package io.live2.model.analysis;

import io.live2.model.analysis.ReactionDetector.ReactionEvent;
import io.live2.model.io.Snapshot;

import java.util.List;

/**
 * The analysis pipeline for a run: per frame, molecules (union-find), canonical species keys (cached across
 * frames), the species catalogue, and atom-mapped reaction events against the previous frame aggregated into
 * reaction types, and the products those reactions made from the first frame's feed ({@link ProductTracker}). Frames
 * must come in strictly increasing step order. Not thread-safe.
 */
public final class ChemistryAnalysis {
    private final SpeciesKeyer keyer = new SpeciesKeyer();
    private final SpeciesCatalogue catalogue = new SpeciesCatalogue();
    private final ReactionDetector detector = new ReactionDetector();
    private final ReactionCatalogue reactions = new ReactionCatalogue();
    private final ProductTracker products = new ProductTracker();
    private List<MoleculeGraph> lastMolecules = List.of();
    private List<String> lastKeys = List.of();
    private List<ReactionEvent> lastEvents = List.of();
    private long lastStep;
    private long frames;

    public ChemistryAnalysis() {
    }

    /** Analyses one frame. @throws IllegalArgumentException when the step is not after the previous frame's */
    public void accept(Snapshot s) {
        if (frames > 0 && s.step() <= lastStep) {
            throw new IllegalArgumentException("frame step " + s.step() + " is not after the previous frame's " + lastStep);
        }
        List<MoleculeGraph> molecules = List.copyOf(MoleculeExtractor.extract(s));
        List<String> keys = List.copyOf(keyer.keys(molecules));
        catalogue.observe(s.step(), molecules, keys);
        if (frames > 0) {
            lastEvents = detector.between(s.step(), lastMolecules, lastKeys, molecules, keys);
            for (ReactionEvent e : lastEvents) {
                reactions.add(e);
            }
        }
        products.accept(s.step(), s.timePs(), molecules, keys, lastEvents);
        lastMolecules = molecules;
        lastKeys = keys;
        lastStep = s.step();
        frames++;
    }

    public SpeciesCatalogue catalogue() {
        return catalogue;
    }

    public ReactionCatalogue reactions() {
        return reactions;
    }

    /** What the run made so far: new heavy-atom bonds, the largest molecule, products and their pathways. */
    public ProductTracker.Report products() {
        return products.report(catalogue, reactions);
    }

    /** Molecules of the latest frame, in extraction order. */
    public List<MoleculeGraph> lastMolecules() {
        return lastMolecules;
    }

    /** Species keys of the latest frame, aligned with {@link #lastMolecules()}. */
    public List<String> lastKeys() {
        return lastKeys;
    }

    /** Events detected between the latest frame and the one before it. */
    public List<ReactionEvent> lastEvents() {
        return lastEvents;
    }

    public long frames() {
        return frames;
    }

    public SpeciesKeyer keyer() {
        return keyer;
    }

    public ReactionDetector detector() {
        return detector;
    }
}
