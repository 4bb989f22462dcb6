package io.live2.model.config;

/** A preset's name and one-line description, as `live presets` prints them. */
public record PresetInfo(String name, String description) {
}
