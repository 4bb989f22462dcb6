package io.live2.engine;

import io.live2.compute.Motion;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.random.Purpose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run that cannot go on: what went wrong ({@link Failure}), and the record it leaves in the run directory:
 * logs/failure.json ({@link FailureReport}), results.json and metadata.json with status "failed". The checkpoints
 * are left as they are: every one was written from a state that passed the per-step check.
 */
final class FailedRun {
    private FailedRun() {
    }

    /** The state at this step failed the per-step check (not finite, or outside the box). */
    static Failure invalidState(long step, ParticleState s, ForceField ff) {
        List<Integer> bad = FailureReport.badAtoms(s, ff.invMassTable());
        int first = bad.get(0);
        boolean finite = Double.isFinite(s.x[first]) && Double.isFinite(s.y[first]) && Double.isFinite(s.vx[first])
                && Double.isFinite(s.vy[first]) && Double.isFinite(s.fx[first]) && Double.isFinite(s.fy[first]);
        String what = finite ? "is outside the box" : "has a non-finite position, velocity or force";
        return new Failure(step, finite ? Failure.OUTSIDE_BOX : Failure.NON_FINITE, "the state became invalid at step "
                + step + ": atom " + s.id[first] + " (" + element(ff, s.type[first]) + ") " + what, bad);
    }

    /** Step {@code next} would need more sub-steps than there can be (an atom far too fast for the time step). */
    static Failure unresolvable(long next, ParticleState s, ForceField ff, double h, Motion motion, double limitNm) {
        List<Integer> fastest = FailureReport.fastestAtoms(s, ff.invMassTable(), h);
        int i = fastest.get(0);
        return new Failure(next - 1, Failure.UNRESOLVABLE, String.format(Locale.ROOT,
                "step %d cannot be integrated: atom %d (%s) moves at %.3g nm/ps with acceleration %.3g nm/ps², so even "
                        + "%d sub-steps would let it drift more than the max_displacement limit (%.3g nm)",
                next, s.id[i], element(ff, s.type[i]), motion.maxSpeed(), motion.maxAcceleration(), Purpose.MAX_SUBSTEPS,
                limitNm), fastest);
    }

    /**
     * Records the failure of {@code sim} caused by {@code e} (a SimulationFailedException from the check, or any
     * other error) and returns the exception to throw, whose message is one line for the user.
     */
    static SimulationFailedException record(Simulation sim, Exception e, double wallSeconds) {
        Failure failure = e instanceof SimulationFailedException sfe && sfe.failure() != null ? sfe.failure()
                : new Failure(sim.step(), Failure.ERROR, "the run failed at step " + sim.step() + ": "
                        + e.getClass().getSimpleName() + ": " + e.getMessage(), List.of());
        RunDirectory dir = sim.runDirectory();
        if (dir == null) {
            return e instanceof SimulationFailedException sfe ? sfe : new SimulationFailedException(failure, e);
        }
        Path checkpoint = null;
        try {
            checkpoint = dir.latestCheckpoint().orElse(null);
            writeRecord(sim, dir, failure, checkpoint, wallSeconds);
        } catch (IOException | RuntimeException writing) {
            e.addSuppressed(writing);
        }
        String resume = checkpoint == null
                ? "no checkpoint was written; start the run again"
                : "last good checkpoint " + checkpoint.getFileName() + "; continue with 'live resume " + dir.root()
                        + " --timestep T' (a smaller T)";
        return new SimulationFailedException(new Failure(failure.step(), failure.reason(),
                failure.message() + "; details in " + dir.failureReport() + "; " + resume, failure.atoms()), e);
    }

    private static void writeRecord(Simulation sim, RunDirectory dir, Failure failure, Path checkpoint, double wall)
            throws IOException {
        ParticleState s = sim.state();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("backend", sim.backendName());
        context.put("timestep_ps", sim.timestep());
        context.put("max_displacement_nm", sim.maxDisplacementNm());
        dir.writeJson(dir.failureReport(), FailureReport.of(failure, s, sim.topology(), sim.forceField(),
                sim.recentEvents(), checkpoint, context));
        RunLedger ledger = sim.ledger();
        ledger.wallSecondsBefore += wall;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", RunStatus.FAILED.wireName());
        summary.put("steps", sim.step());
        summary.put("simulated_time_ps", sim.timePs());
        summary.put("wall_seconds", ledger.wallSecondsBefore);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("step", failure.step());
        f.put("reason", failure.reason());
        f.put("message", failure.message());
        f.put("atoms", failure.atoms().stream().map(i -> s.id[i]).toList());
        summary.put("failure", f);
        dir.writeJson(dir.results(), summary);
        MetadataWriter.finished(dir, sim, RunStatus.FAILED);
        dir.log("run failed at step " + sim.step() + ": " + failure.message());
    }

    static String element(ForceField ff, int type) {
        ParticleType t = ff.types().get(type);
        return t.element() != null ? t.element() : t.name();
    }
}
