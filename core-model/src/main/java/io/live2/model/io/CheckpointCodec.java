package io.live2.model.io;

import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Compact binary checkpoints: a magic header, the payload, and a CRC32 of the payload so that a damaged file is
 * refused rather than trusted. Doubles are stored as raw IEEE bits, so a resume continues from the exact state.
 */
public final class CheckpointCodec {
    private static final long MAGIC = 0x4C49564532434B50L; // "LIVE2CKP"
    private static final int VERSION = 1;

    private CheckpointCodec() {
    }

    public static void write(Checkpoint c, Path file) throws IOException {
        byte[] payload = payload(c);
        CRC32 crc = new CRC32();
        crc.update(payload);
        AtomicFiles.write(file, out -> {
            DataOutputStream d = new DataOutputStream(out);
            d.writeLong(MAGIC);
            d.writeInt(VERSION);
            d.writeInt(payload.length);
            d.write(payload);
            d.writeLong(crc.getValue());
            d.flush();
        });
    }

    /** @throws DamagedFileException when the file is not an intact checkpoint of this version (the message names it) */
    public static Checkpoint read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in));
            if (d.readLong() != MAGIC) {
                throw new DamagedFileException(file + ": not a Live 2.0 checkpoint");
            }
            int version = d.readInt();
            if (version != VERSION) {
                throw new DamagedFileException(file + ": checkpoint version " + version + " is not supported (expected " + VERSION + ")");
            }
            int len = d.readInt();
            if (len < 0 || len > Integer.MAX_VALUE - 16) {
                throw new DamagedFileException(file + ": corrupt checkpoint length " + len);
            }
            byte[] payload = d.readNBytes(len);
            if (payload.length != len) {
                throw new DamagedFileException(file + ": truncated checkpoint");
            }
            CRC32 crc = new CRC32();
            crc.update(payload);
            if (d.readLong() != crc.getValue()) {
                throw new DamagedFileException(file + ": checkpoint checksum mismatch (damaged file)");
            }
            try {
                return parse(new DataInputStream(new java.io.ByteArrayInputStream(payload)));
            } catch (IOException | RuntimeException e) {
                // the checksum matched, so this is a file written wrongly rather than damaged later; still unusable
                throw new DamagedFileException(file + ": corrupt checkpoint payload (" + e.getMessage() + ")", e);
            }
        } catch (java.io.EOFException e) {
            throw new DamagedFileException(file + ": truncated checkpoint", e);
        }
    }

    private static byte[] payload(Checkpoint c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        DataOutputStream d = new DataOutputStream(bytes);
        writeString(d, c.configJson());
        Snapshot s = c.snapshot();
        d.writeLong(s.step());
        d.writeDouble(s.timePs());
        d.writeInt(s.types().size());
        for (ParticleType t : s.types()) {
            writeString(d, t.name());
            d.writeBoolean(t.element() != null);
            if (t.element() != null) {
                writeString(d, t.element());
            }
            d.writeDouble(t.mass());
            d.writeInt(t.maxValence());
            d.writeDouble(t.sigma());
            d.writeDouble(t.epsilon());
            d.writeDouble(t.affinity());
        }
        ParticleState st = s.state();
        d.writeInt(st.n);
        d.writeDouble(st.boxX());
        d.writeDouble(st.boxY());
        for (int i = 0; i < st.n; i++) {
            d.writeLong(st.id[i]);
            d.writeInt(st.type[i]);
            d.writeDouble(st.x[i]);
            d.writeDouble(st.y[i]);
            d.writeDouble(st.vx[i]);
            d.writeDouble(st.vy[i]);
        }
        Topology t = s.topology();
        d.writeInt(t.bondCount());
        for (int i = 0; i < st.n; i++) {
            for (int k = 0; k < t.degree(i); k++) {
                int j = t.partner(i, k);
                if (j > i) {
                    d.writeInt(i);
                    d.writeInt(j);
                    d.writeByte(t.orderAt(i, k));
                }
            }
        }
        d.writeInt(c.counters().size());
        for (Map.Entry<String, Long> e : c.counters().entrySet()) {
            writeString(d, e.getKey());
            d.writeLong(e.getValue());
        }
        d.writeInt(c.accumulators().size());
        for (Map.Entry<String, Double> e : c.accumulators().entrySet()) {
            writeString(d, e.getKey());
            d.writeDouble(e.getValue());
        }
        d.flush();
        return bytes.toByteArray();
    }

    private static Checkpoint parse(DataInputStream d) throws IOException {
        String config = readString(d);
        long step = d.readLong();
        double time = d.readDouble();
        int typeCount = d.readInt();
        List<ParticleType> types = new ArrayList<>(typeCount);
        for (int k = 0; k < typeCount; k++) {
            String name = readString(d);
            String element = d.readBoolean() ? readString(d) : null;
            types.add(new ParticleType(name, element, d.readDouble(), d.readInt(), d.readDouble(), d.readDouble(), d.readDouble()));
        }
        int n = d.readInt();
        ParticleState st = new ParticleState(n, d.readDouble(), d.readDouble());
        for (int i = 0; i < n; i++) {
            st.id[i] = d.readLong();
            st.type[i] = d.readInt();
            st.x[i] = d.readDouble();
            st.y[i] = d.readDouble();
            st.vx[i] = d.readDouble();
            st.vy[i] = d.readDouble();
        }
        Topology topo = new Topology(n);
        int bonds = d.readInt();
        for (int b = 0; b < bonds; b++) {
            topo.addBond(d.readInt(), d.readInt(), d.readByte());
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        int nc = d.readInt();
        for (int k = 0; k < nc; k++) {
            counters.put(readString(d), d.readLong());
        }
        Map<String, Double> acc = new LinkedHashMap<>();
        int na = d.readInt();
        for (int k = 0; k < na; k++) {
            acc.put(readString(d), d.readDouble());
        }
        return new Checkpoint(config, new Snapshot(step, time, types, st, topo), counters, acc);
    }

    private static void writeString(DataOutputStream d, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.writeInt(b.length);
        d.write(b);
    }

    private static String readString(DataInputStream d) throws IOException {
        int len = d.readInt();
        if (len < 0 || len > (64 << 20)) {
            throw new IOException("corrupt string length " + len);
        }
        return new String(d.readNBytes(len), StandardCharsets.UTF_8);
    }
}
