package io.live2.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.live2.jobs.LiveFrame;
import io.live2.server.http.Json;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * A live frame on the wire (GET /jobs/{id}/frames, event "frame"):
 * {@code {"step","box":[bx,by],"atoms":n,"of":N,"elements":b64(n bytes),"xy":b64(2n float32 LE),
 * "bonds":b64(2m uint32 LE)}}. The same text travels on the progress bus, so a stream sends it unchanged when the
 * viewer's max_atoms allows.
 */
public final class FrameCodec {
    private FrameCodec() {
    }

    public static String toJson(LiveFrame f) {
        ObjectNode o = Json.object();
        o.put("step", f.step());
        o.putArray("box").add(f.boxX()).add(f.boxY());
        o.put("atoms", f.atoms());
        o.put("of", f.totalAtoms());
        Base64.Encoder b64 = Base64.getEncoder();
        o.put("elements", b64.encodeToString(f.elements()));
        o.put("xy", b64.encodeToString(floats(f.xy())));
        o.put("bonds", b64.encodeToString(ints(f.bonds())));
        return Json.write(o);
    }

    public static LiveFrame fromJson(String json) {
        return fromTree(Json.readStored(json));
    }

    static LiveFrame fromTree(JsonNode n) {
        Base64.Decoder d = Base64.getDecoder();
        byte[] elements = d.decode(n.path("elements").asText());
        ByteBuffer xyBytes = ByteBuffer.wrap(d.decode(n.path("xy").asText())).order(ByteOrder.LITTLE_ENDIAN);
        float[] xy = new float[xyBytes.remaining() / 4];
        xyBytes.asFloatBuffer().get(xy);
        ByteBuffer bondBytes = ByteBuffer.wrap(d.decode(n.path("bonds").asText())).order(ByteOrder.LITTLE_ENDIAN);
        int[] bonds = new int[bondBytes.remaining() / 4];
        bondBytes.asIntBuffer().get(bonds);
        return new LiveFrame(n.path("step").asLong(), n.path("box").path(0).asDouble(), n.path("box").path(1).asDouble(),
                elements, xy, bonds, n.path("of").asInt());
    }

    static byte[] floats(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    /** Indices are never negative, so int32 and uint32 agree. */
    static byte[] ints(int[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(v);
        return b.array();
    }
}
