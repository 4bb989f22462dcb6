package io.live2.server.dashboard;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.live2.engine.analysis.Toolkits;
import io.live2.model.analysis.ChemistryToolkit;
import io.live2.server.auth.Scope;
import io.live2.server.http.ApiException;
import io.live2.server.http.ApiRoutes;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GET /depictions?smiles=...: an SVG drawing of a species, by the chemistry toolkit that draws report.html's
 * depictions (chemistry-cdk, found with ServiceLoader). Scope jobs:read; the SMILES is at most 500 characters.
 * The same SMILES always gives the same drawing, so recent drawings are kept (a species table asks for the same
 * few dozen again and again), at most {@link #CACHE_BYTES} bytes of them (an SVG over {@link #MAX_CACHED_SVG} bytes
 * is not kept), and the browser may keep each for a day (Cache-Control: private, max-age=86400).
 */
public final class DepictionRoutes {
    public static final int MAX_SMILES = 500;
    /** What the kept drawings may take in all (their bytes and their SMILES). */
    static final long CACHE_BYTES = 32L << 20;
    /** A larger drawing is drawn again each time rather than kept. */
    static final int MAX_CACHED_SVG = 64 * 1024;
    static final String CACHE_CONTROL = "private, max-age=86400";

    private final Optional<ChemistryToolkit> toolkit;
    private final long cacheBytes;
    /** Least recently used first; guarded by itself, as is {@link #cachedBytes}. */
    private final LinkedHashMap<String, byte[]> recent = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedBytes;

    public DepictionRoutes() {
        this(Toolkits.chemistry());
    }

    DepictionRoutes(Optional<ChemistryToolkit> toolkit) {
        this(toolkit, CACHE_BYTES);
    }

    DepictionRoutes(Optional<ChemistryToolkit> toolkit, long cacheBytes) {
        this.toolkit = toolkit;
        this.cacheBytes = cacheBytes;
    }

    public void register(ApiRoutes api) {
        api.user(Method.GET, "/depictions", Scope.JOBS_READ, (req, res, caller) -> {
            String smiles = req.query().first("smiles").orElse("");
            byte[] svg = svg(smiles);
            res.headers().contentType(MediaTypes.create("image/svg+xml"));
            // replaces the API's no-store: a drawing is the same for everyone and forever, but asked for with a key
            res.header(HeaderNames.CACHE_CONTROL, CACHE_CONTROL);
            res.send(svg);
        });
    }

    byte[] svg(String smiles) {
        if (smiles.isBlank()) {
            throw invalid("smiles: required (a SMILES string, at most " + MAX_SMILES + " characters)");
        }
        if (smiles.length() > MAX_SMILES) {
            throw invalid("smiles: " + smiles.length() + " characters; allowed at most " + MAX_SMILES);
        }
        synchronized (recent) {
            byte[] hit = recent.get(smiles);
            if (hit != null) {
                return hit;
            }
        }
        ChemistryToolkit t = toolkit.orElseThrow(() -> ApiException.unavailable(
                "depictions need the chemistry-cdk adapter on the server's class path", 0));
        byte[] svg;
        try {
            svg = t.depictSmilesSvg(smiles).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("smiles: not a SMILES string the chemistry toolkit can draw");
        } catch (UnsupportedOperationException e) {
            throw ApiException.unavailable(t.name() + " cannot read SMILES", 0);
        }
        keep(smiles, svg);
        return svg;
    }

    private void keep(String smiles, byte[] svg) {
        if (svg.length > MAX_CACHED_SVG) {
            return;
        }
        synchronized (recent) {
            byte[] old = recent.put(smiles, svg);
            cachedBytes += size(smiles, svg) - (old == null ? 0 : size(smiles, old));
            var eldest = recent.entrySet().iterator();
            while (cachedBytes > cacheBytes && eldest.hasNext()) {
                Map.Entry<String, byte[]> e = eldest.next();
                cachedBytes -= size(e.getKey(), e.getValue());
                eldest.remove();
            }
        }
    }

    /** An entry's bytes, roughly: the SVG and the SMILES (Latin-1 strings take a byte a character). */
    private static long size(String smiles, byte[] svg) {
        return svg.length + smiles.length() + 64L;
    }

    /** The bytes the kept drawings take now (for tests). */
    long cachedBytes() {
        synchronized (recent) {
            return cachedBytes;
        }
    }

    /** Whether a drawing of this SMILES is kept (for tests). */
    boolean cached(String smiles) {
        synchronized (recent) {
            return recent.containsKey(smiles);
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "invalid_field", message, "smiles", 0);
    }
}
