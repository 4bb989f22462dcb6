package io.live2.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/config.md's "Preset defaults" table states what the preset files hold: every scalar cell's first word is
 * the preset's value (the doc once said snapshot_every 5000 where four presets snapshot every 1000 steps).
 */
class PresetDocsTest {
    /** Tests run in the module directory; the docs live one level up. */
    private static final Path DOC = Path.of("..", "docs", "config.md");

    @Test
    void presetDefaultsTableMatchesThePresetFiles() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        int header = lines.indexOf("## Preset defaults") + 2;
        assertTrue(header > 1, "config.md has a '## Preset defaults' table");
        List<String> presets = cells(lines.get(header)).subList(1, cells(lines.get(header)).size());
        assertEquals(Presets.names(), presets, "the table has one column per preset, in index order");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> row = cells(lines.get(i));
            String field = row.get(0).replace("`", "");
            for (int p = 0; p < presets.size(); p++) {
                JsonNode value = at(Presets.tree(presets.get(p)), field);
                if (value == null || !value.isValueNode() || value.isNull()) {
                    continue; // arrays, objects and null rows are prose, not a single value
                }
                String stated = row.get(p + 1).split(" ")[0];
                boolean same = value.isNumber() ? new BigDecimal(stated).compareTo(value.decimalValue()) == 0
                        : stated.equals(value.asText());
                checked++;
                if (!same) {
                    problems.add(field + " of " + presets.get(p) + ": doc says " + stated + ", preset has " + value.asText());
                }
            }
        }
        assertTrue(checked >= 100, "the table's scalar rows were read: " + checked);
        assertEquals(List.of(), problems);
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.length() - 1);
        return Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }

    private static JsonNode at(JsonNode root, String dottedPath) {
        JsonNode n = root;
        for (String part : dottedPath.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        return n;
    }
}
