package io.live2.server.client;

/** One Server-Sent Event: its id (may be null), name ("status", "progress") and data. */
public record ServerEvent(String id, String name, String data) {
}
