package io.live2.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A request body read strictly: it must be a JSON object, each field is read with its type and range checked, and
 * {@link #done()} rejects any field the route does not know, naming it. Every failure is a 400 with the field path.
 */
public final class JsonBody {
    private final ObjectNode node;
    private final Set<String> known = new LinkedHashSet<>();

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    public static JsonBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest(null, "request body: empty; expected a JSON object");
        }
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "request body: not valid JSON: " + oneLine(e.getOriginalMessage()));
        } catch (java.io.IOException | RuntimeException e) {
            throw ApiException.badRequest(null, "request body: not valid JSON");
        }
        if (n == null || !n.isObject()) {
            throw ApiException.badRequest(null, "request body: expected a JSON object");
        }
        return new JsonBody((ObjectNode) n);
    }

    /** A required string of length min..max. */
    public String text(String field, int min, int max) {
        String s = optionalText(field, min, max);
        if (s == null) {
            throw ApiException.badRequest(field, field + ": missing; a string of " + min + ".." + max + " characters is required");
        }
        return s;
    }

    /** An optional string of length min..max (null when absent or JSON null). */
    public String optionalText(String field, int min, int max) {
        known.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(field, field + ": expected a string, got " + kind(v));
        }
        String s = v.textValue();
        if (s.length() < min || s.length() > max) {
            throw ApiException.badRequest(field, field + ": " + s.length() + " characters is out of range; allowed " + min + ".." + max);
        }
        return s;
    }

    /** An optional array of strings, each one of {@code allowed}; null when absent. */
    public List<String> optionalStrings(String field, Set<String> allowed) {
        known.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw ApiException.badRequest(field, field + ": expected an array of strings, got " + kind(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual() || !allowed.contains(e.textValue())) {
                throw ApiException.badRequest(field, field + "[" + i + "]: " + (e.isTextual() ? "'" + oneLine(e.textValue()) + "'" : kind(e))
                        + " is not allowed; allowed " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
            if (!out.contains(e.textValue())) {
                out.add(e.textValue());
            }
        }
        return out;
    }

    /** A required JSON object (returned as is for a dedicated parser). */
    public ObjectNode object(String field) {
        known.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw ApiException.badRequest(field, field + ": missing; a JSON object is required");
        }
        if (!v.isObject()) {
            throw ApiException.badRequest(field, field + ": expected a JSON object, got " + kind(v));
        }
        return (ObjectNode) v;
    }

    /** Rejects fields the route did not read. */
    public void done() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw ApiException.badRequest(f, "unknown field '" + oneLine(f) + "'; known fields: " + String.join(", ", known));
            }
        }
    }

    static String kind(JsonNode v) {
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        return "null";
    }

    /** One line, at most 200 characters: user text echoed in a message never spans lines or floods a log. */
    public static String oneLine(String s) {
        String t = io.live2.jobs.JobSpecJson.oneLine(s);
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
