package io.live2.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Walks the gzip members of a frame segment (RFC 1952: a 10-byte header as GZIPOutputStream writes it, deflate
 * data, CRC-32 and size) to find where whole frames end: what {@link FrameLog#truncateAfter} cuts at.
 * GZIPInputStream reads members back to back but does not say where one ends, hence this.
 */
final class GzipMembers {
    private static final JsonFactory JSON = new JsonFactory();

    private GzipMembers() {
    }

    /**
     * The byte offset just after the last complete member whose frame has step ≤ {@code step}, reading from the
     * start and stopping at the first member that is later, torn or damaged (0 when there is none).
     */
    static long endOfFramesUpTo(Path segment, long step) throws IOException {
        byte[] data = Files.readAllBytes(segment);
        int pos = 0;
        long keep = 0;
        while (pos + 18 <= data.length) {
            // header: ID1 ID2 CM FLG MTIME(4) XFL OS, with no optional fields (FLG 0), as our writer makes it
            if ((data[pos] & 0xff) != 0x1f || (data[pos + 1] & 0xff) != 0x8b || data[pos + 2] != 8 || data[pos + 3] != 0) {
                break;
            }
            Inflater inflater = new Inflater(true);
            ByteArrayOutputStream text = new ByteArrayOutputStream(1 << 16);
            int end;
            try {
                inflater.setInput(data, pos + 10, data.length - pos - 10);
                byte[] buf = new byte[1 << 16];
                while (!inflater.finished()) {
                    int n = inflater.inflate(buf);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    text.write(buf, 0, n);
                }
                if (!inflater.finished()) {
                    break; // torn: the deflate stream ends early
                }
                end = data.length - inflater.getRemaining() + 8;
            } catch (DataFormatException damaged) {
                break;
            } finally {
                inflater.end();
            }
            if (end > data.length) {
                break; // the trailer is missing
            }
            byte[] frame = text.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(frame);
            long storedCrc = le32(data, end - 8);
            if (storedCrc != crc.getValue() || le32(data, end - 4) != (frame.length & 0xffffffffL)) {
                break;
            }
            Long frameStep = stepOf(frame);
            if (frameStep == null || frameStep > step) {
                break;
            }
            keep = end;
            pos = end;
        }
        return keep;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    /** The top-level "step" field of a snapshot line, read without building the tree. */
    private static Long stepOf(byte[] frame) throws IOException {
        try (JsonParser p = JSON.createParser(frame)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if ("step".equals(name)) {
                    return p.getLongValue();
                }
                p.skipChildren();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
        return null;
    }
}
