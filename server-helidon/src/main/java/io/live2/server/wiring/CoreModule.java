package io.live2.server.wiring;

import com.google.inject.AbstractModule;
import io.live2.server.settings.ServerSettings;

import java.time.Clock;

/** The settings and the clock every other part reads. */
final class CoreModule extends AbstractModule {
    private final ServerSettings settings;
    private final Clock clock;

    CoreModule(ServerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void configure() {
        bind(ServerSettings.class).toInstance(settings);
        bind(Clock.class).toInstance(clock);
    }
}
