package io.live2.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Elements and Morse bond parameters, read from data files (one citation per row), never from code.
 * The built-in tables live in {@code io/live2/model/data}; a user may load their own bond table.
 */
public final class PhysicsDatabase {
    /** The highest bond order the model knows. */
    public static final int MAX_ORDER = 3;

    private final Map<String, Element> elements;
    private final Map<String, MorseParams> bonds;

    private PhysicsDatabase(Map<String, Element> elements, Map<String, MorseParams> bonds) {
        this.elements = Collections.unmodifiableMap(elements);
        this.bonds = Collections.unmodifiableMap(bonds);
    }

    private static final class Holder {
        static final PhysicsDatabase BUILT_IN = loadBuiltIn();
    }

    /** The built-in tables: UFF elements and the 35 Luo (2007) Morse rows. */
    public static PhysicsDatabase builtIn() {
        return Holder.BUILT_IN;
    }

    private static PhysicsDatabase loadBuiltIn() {
        try (Reader e = resource("elements.csv"); Reader b = resource("morse-bonds.csv")) {
            return new PhysicsDatabase(parseElements(e, "elements.csv"), parseBonds(b, "morse-bonds.csv"));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The built-in elements with the user's own Morse table (same CSV columns as morse-bonds.csv). */
    public static PhysicsDatabase withBondTable(Path bondCsv) throws IOException {
        try (Reader b = Files.newBufferedReader(bondCsv, StandardCharsets.UTF_8)) {
            return new PhysicsDatabase(new LinkedHashMap<>(builtIn().elements), parseBonds(b, bondCsv.toString()));
        }
    }

    private static Reader resource(String name) {
        InputStream in = PhysicsDatabase.class.getResourceAsStream("data/" + name);
        if (in == null) {
            throw new IllegalStateException("built-in physics table missing from the jar: " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    public Element element(String symbol) {
        Element e = elements.get(symbol);
        if (e == null) {
            throw new IllegalArgumentException("unknown element '" + symbol + "'; known: " + elements.keySet());
        }
        return e;
    }

    public boolean hasElement(String symbol) {
        return elements.containsKey(symbol);
    }

    public Map<String, Element> elements() {
        return elements;
    }

    /** Morse parameters for a bond of this order between two elements, or null when the table has none. */
    public MorseParams morse(String a, String b, int order) {
        return bonds.get(key(a, b, order));
    }

    public int bondRowCount() {
        return bonds.size();
    }

    private static String key(String a, String b, int order) {
        return a.compareTo(b) <= 0 ? a + "-" + b + "-" + order : b + "-" + a + "-" + order;
    }

    private static Map<String, Element> parseElements(Reader r, String source) throws IOException {
        Map<String, Element> out = new LinkedHashMap<>();
        forEachRow(r, source, 6, (f, line) -> {
            double sigma = Double.parseDouble(f[3]) / Math.pow(2.0, 1.0 / 6.0) * Units.NM_PER_ANGSTROM;
            double eps = Double.parseDouble(f[4]) * Units.KJ_PER_KCAL;
            out.put(f[0], new Element(f[0], Double.parseDouble(f[1]), Integer.parseInt(f[2]), sigma, eps, f[5]));
        });
        return out;
    }

    private static Map<String, MorseParams> parseBonds(Reader r, String source) throws IOException {
        Map<String, MorseParams> out = new LinkedHashMap<>();
        forEachRow(r, source, 7, (f, line) -> {
            int order = Integer.parseInt(f[2]);
            if (order < 1 || order > MAX_ORDER) {
                throw new IllegalArgumentException(source + " line " + line + ": order must be 1.." + MAX_ORDER + ", got " + order);
            }
            double de = Double.parseDouble(f[3]);
            double re = Double.parseDouble(f[4]) * Units.NM_PER_ANGSTROM;
            double a = Double.parseDouble(f[5]) / Units.NM_PER_ANGSTROM;
            if (!(de > 0) || !(re > 0) || !(a > 0)) {
                throw new IllegalArgumentException(source + " line " + line + ": De, re and a must be positive");
            }
            out.put(key(f[0], f[1], order), new MorseParams(de, re, a, Objects.requireNonNull(f[6])));
        });
        return out;
    }

    private interface RowHandler {
        void accept(String[] fields, int line);
    }

    private static void forEachRow(Reader r, String source, int columns, RowHandler handler) throws IOException {
        BufferedReader br = new BufferedReader(r);
        String s;
        int line = 0;
        while ((s = br.readLine()) != null) {
            line++;
            if (s.isBlank() || s.startsWith("#")) {
                continue;
            }
            String[] f = s.split(",", columns);
            if (f.length != columns) {
                throw new IllegalArgumentException(source + " line " + line + ": expected " + columns + " columns, got " + f.length);
            }
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].trim();
            }
            try {
                handler.accept(f, line);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(source + " line " + line + ": not a number: " + ex.getMessage(), ex);
            }
        }
    }
}
