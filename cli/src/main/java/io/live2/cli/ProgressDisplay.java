package io.live2.cli;

import io.live2.engine.Progress;
import io.live2.engine.RunResult;
import io.live2.engine.SimulationObserver;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on a terminal is a progress bar (steps, steps/s, ETA, bonds, molecules); without a terminal
 * (a log file, CI, a Batch container), one plain line every few seconds. The launcher tells us which with
 * -Dlive.tty=true when stderr is a terminal.
 */
abstract class ProgressDisplay implements SimulationObserver {
    final PrintStream err;

    ProgressDisplay(PrintStream err) {
        this.err = err;
    }

    static ProgressDisplay create(PrintStream err) {
        return Boolean.getBoolean("live.tty") ? new Bar(err) : new Lines(err, 5_000_000_000L);
    }

    /** Notices (a damaged checkpoint skipped on resume) come before the first progress, so they never split a bar. */
    @Override
    public void onNotice(String message) {
        err.println("live: " + message);
        err.flush();
    }

    /** The progress-bar library's bar. */
    static final class Bar extends ProgressDisplay {
        private ProgressBar bar;

        Bar(PrintStream err) {
            super(err);
        }

        @Override
        public void onProgress(Progress p) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("steps").setInitialMax(p.totalSteps())
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).showSpeed().setUpdateIntervalMillis(250)
                        .continuousUpdate().build();
            }
            bar.stepTo(p.step());
            bar.setExtraMessage(String.format(Locale.ROOT, " bonds %d  molecules %d  T %.0f K", p.bonds(), p.molecules(), p.temperature()));
        }

        @Override
        public void onFinish(RunResult result) {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** Plain lines, rate-limited. */
    static final class Lines extends ProgressDisplay {
        private final long intervalNanos;
        private long last;

        Lines(PrintStream err, long intervalNanos) {
            super(err);
            this.intervalNanos = intervalNanos;
        }

        @Override
        public void onProgress(Progress p) {
            long now = System.nanoTime();
            if (last != 0 && now - last < intervalNanos && p.step() < p.totalSteps()) {
                return;
            }
            last = now;
            err.printf(Locale.ROOT, "step %d/%d (%.1f%%)  %.0f steps/s  ETA %s  bonds %d  molecules %d  T %.1f K%n",
                    p.step(), p.totalSteps(), 100 * p.fraction(), p.stepsPerSecond(), eta(p.etaSeconds()), p.bonds(),
                    p.molecules(), p.temperature());
            err.flush();
        }

        private static String eta(double seconds) {
            if (!Double.isFinite(seconds)) {
                return "--";
            }
            long s = Math.round(seconds);
            return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60) : String.format("%dm%02ds", s / 60, s % 60);
        }
    }
}
