package io.live2.model.io;

import io.live2.model.ParticleState;
import io.live2.model.ParticleType;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Appends frames to an extended-XYZ trajectory (readable by OVITO, VMD, ASE, Open Babel). Coordinates are in Å
 * as those tools expect; z is 0 (the world is 2-D) and the lattice is given with pbc="T T F".
 */
public final class XyzWriter implements Closeable {
    private final BufferedWriter out;

    public XyzWriter(Path file, boolean append) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    public void frame(long step, double timePs, ParticleState s, List<ParticleType> types) throws IOException {
        double a = 10.0;
        out.write(Integer.toString(s.n));
        out.write('\n');
        out.write(String.format(Locale.ROOT,
                "Lattice=\"%.6f 0.0 0.0 0.0 %.6f 0.0 0.0 0.0 10.0\" Properties=species:S:1:pos:R:3:id:I:1 Time=%.6f step=%d pbc=\"T T F\"%n",
                s.boxX() * a, s.boxY() * a, timePs, step));
        StringBuilder line = new StringBuilder(64);
        for (int i = 0; i < s.n; i++) {
            ParticleType t = types.get(s.type[i]);
            line.setLength(0);
            line.append(t.element() != null ? t.element() : t.name()).append(' ')
                    .append(String.format(Locale.ROOT, "%.5f %.5f 0.00000", s.x[i] * a, s.y[i] * a))
                    .append(' ').append(s.id[i]).append('\n');
            out.write(line.toString());
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
