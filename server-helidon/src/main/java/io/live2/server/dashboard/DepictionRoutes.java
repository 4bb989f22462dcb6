package io.live2.server.dashboard;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Method;
import io.live2.engine.analysis.Toolkits;
import io.live2.model.analysis.ChemistryToolkit;
import io.live2.server.http.ApiException;
import io.live2.server.http.ApiRoutes;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GET /depictions?smiles=...: an SVG drawing of a species, by the chemistry toolkit that draws report.html's
 * depictions (chemistry-cdk, found with ServiceLoader). Any signed-in caller; the SMILES is at most 500 characters.
 * The same SMILES always gives the same drawing, so recent drawings are kept (a species table asks for the same
 * few dozen again and again).
 */
public final class DepictionRoutes {
    public static final int MAX_SMILES = 500;
    private static final int CACHED = 2_000;

    private final Optional<ChemistryToolkit> toolkit;
    private final Map<String, byte[]> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    };

    public DepictionRoutes() {
        this(Toolkits.chemistry());
    }

    DepictionRoutes(Optional<ChemistryToolkit> toolkit) {
        this.toolkit = toolkit;
    }

    public void register(ApiRoutes api) {
        api.user(Method.GET, "/depictions", null, (req, res, caller) -> {
            String smiles = req.query().first("smiles").orElse("");
            byte[] svg = svg(smiles);
            res.headers().contentType(MediaTypes.create("image/svg+xml"));
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
        synchronized (recent) {
            recent.put(smiles, svg);
        }
        return svg;
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "invalid_field", message, "smiles", 0);
    }
}
