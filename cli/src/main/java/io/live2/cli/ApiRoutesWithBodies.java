package io.live2.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes the fuzz drill sends bodies to, read from the server's own OpenAPI description (GET /openapi): every
 * operation by a method that carries a body (POST, PUT, PATCH, DELETE), whether or not it declares a requestBody,
 * since a handler that ignores its body must still answer a hostile one cleanly. A route added later is fuzzed
 * without a change here; one the drill has no seed for starts from {}.
 */
final class ApiRoutesWithBodies {
    /** @param root the operation is served at the server's root, not under /api/v1 (its OpenAPI servers: [{url: /}]) */
    record Route(String method, String path, boolean declaresBody, boolean root) {
        String name() {
            return method + " " + path;
        }
    }

    private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    /** servers: [{url: /}] as written in the file, or "- url: /" as the server's OpenAPI feature re-serializes it. */
    private static final Pattern ROOT_SERVER = Pattern.compile("^(servers:\\s*\\[\\{\\s*|- )?url:\\s*[\"']?/[\"']?\\s*(}])?$");
    private static final Pattern METHOD = Pattern.compile("^    (post|put|patch|delete|get|head|options):\\s*$");

    private ApiRoutesWithBodies() {
    }

    static List<Route> parse(String openapiYaml) {
        List<Route> routes = new ArrayList<>();
        String path = null;
        String method = null;
        boolean body = false;
        boolean root = false;
        for (String line : openapiYaml.split("\n")) {
            Matcher p = PATH.matcher(line);
            Matcher m = METHOD.matcher(line);
            boolean ends = p.matches() || m.matches() || (!line.isBlank() && !line.startsWith("  "));
            if (ends && method != null) {
                routes.add(new Route(method, path, body, root));
                method = null;
            }
            if (p.matches()) {
                path = p.group(1);
            } else if (m.matches() && path != null) {
                String verb = m.group(1).toUpperCase(Locale.ROOT);
                method = List.of("POST", "PUT", "PATCH", "DELETE").contains(verb) ? verb : null;
                body = false;
                root = false;
            } else if (!line.startsWith("  ") && !line.isBlank()) {
                path = null; // a new top-level section: the paths are over
            } else if (method != null) {
                body |= line.trim().startsWith("requestBody:");
                root |= ROOT_SERVER.matcher(line.trim()).matches();
            }
        }
        if (method != null) {
            routes.add(new Route(method, path, body, root));
        }
        return routes;
    }
}
