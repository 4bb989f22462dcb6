package io.live2.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.jobs.LiveFrame;
import io.live2.server.http.Json;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The frame's wire encoding decodes, with plain java.nio little-endian buffers, to the frame's own arrays. */
class FrameCodecTest {

    @Test
    void wireFormatDecodesWithLittleEndianBuffers() {
        LiveFrame f = new LiveFrame(1234, 12.5, 7.25, new byte[]{6, 1, 0, 8},
                new float[]{0f, 0.5f, 12.499999f, 7.2f, 3.14159f, 1e-7f, 11f, 0.001f}, new int[]{0, 1, 2, 3, 1, 3}, 4000);
        String json = FrameCodec.toJson(f);
        JsonNode n = Json.readStored(json);
        assertEquals(1234, n.get("step").asLong());
        assertEquals(12.5, n.get("box").get(0).asDouble());
        assertEquals(7.25, n.get("box").get(1).asDouble());
        assertEquals(4, n.get("atoms").asInt());
        assertEquals(4000, n.get("of").asInt());
        Base64.Decoder d = Base64.getDecoder();
        assertArrayEquals(f.elements(), d.decode(n.get("elements").asText()));
        ByteBuffer xy = ByteBuffer.wrap(d.decode(n.get("xy").asText())).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(8 * 4, xy.remaining());
        for (float v : f.xy()) {
            assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(xy.getFloat()));
        }
        ByteBuffer bonds = ByteBuffer.wrap(d.decode(n.get("bonds").asText())).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(6 * 4, bonds.remaining());
        for (int v : f.bonds()) {
            assertEquals(v, Integer.toUnsignedLong(bonds.getInt()));
        }
        // byte order spelled out: 1.0f is 00 00 80 3F little-endian
        assertArrayEquals(new byte[]{0, 0, (byte) 0x80, 0x3F}, FrameCodec.floats(new float[]{1f}));
        assertArrayEquals(new byte[]{2, 1, 0, 0}, FrameCodec.ints(new int[]{258}));

        LiveFrame back = FrameCodec.fromJson(json);
        assertEquals(f.step(), back.step());
        assertEquals(f.totalAtoms(), back.totalAtoms());
        assertArrayEquals(f.elements(), back.elements());
        assertArrayEquals(f.xy(), back.xy());
        assertArrayEquals(f.bonds(), back.bonds());
    }

    @Test
    void anEmptyFrameEncodesEmptyArrays() {
        String json = FrameCodec.toJson(new LiveFrame(0, 1, 1, new byte[0], new float[0], new int[0], 0));
        JsonNode n = Json.readStored(json);
        assertEquals("", n.get("elements").asText());
        assertEquals("", n.get("bonds").asText());
        assertEquals(0, FrameCodec.fromJson(json).atoms());
    }
}
