package io.live2.jobs;

import java.util.Locale;

/**
 * The media type a signed artifact URL answers with, from the key's extension. Only the HTML report is shown in
 * the browser (a dashboard's "report" link opens it); everything else is a download, so a link to a JSON or CSV
 * file saves it instead of replacing the page.
 *
 * @param viewable whether the browser shows it (no Content-Disposition: attachment)
 */
public record ArtifactMediaType(String contentType, boolean viewable) {
    private static final ArtifactMediaType BINARY = new ArtifactMediaType("application/octet-stream", false);

    public static ArtifactMediaType of(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".html")) {
            return new ArtifactMediaType("text/html; charset=utf-8", true);
        }
        if (name.endsWith(".json")) {
            return new ArtifactMediaType("application/json", false);
        }
        if (name.endsWith(".csv")) {
            return new ArtifactMediaType("text/csv; charset=utf-8", false);
        }
        if (name.endsWith(".graphml") || name.endsWith(".xml")) {
            return new ArtifactMediaType("application/xml", false);
        }
        if (name.endsWith(".log") || name.endsWith(".txt") || name.endsWith(".xyz") || name.endsWith(".sdf")) {
            return new ArtifactMediaType("text/plain; charset=utf-8", false);
        }
        return BINARY;
    }
}
