package io.live2.engine;

/** The Live version, from the jar manifest when packaged. */
public final class Version {
    public static final String LIVE = version();

    private Version() {
    }

    private static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
