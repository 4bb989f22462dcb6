package io.live2.server.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.live2.server.settings.ServerSettings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Chooses one Guice module per replaceable part from the settings alone, and builds the injector. */
public final class ServerModules {
    private ServerModules() {
    }

    public static List<Module> forSettings(ServerSettings s, Clock clock, String schema) {
        List<Module> m = new ArrayList<>();
        m.add(new CoreModule(s, clock));
        m.add(new PersistenceModule(schema));
        m.add(s.redisUrl() == null ? new InProcessLimitsModule() : new RedisModule());
        m.add(new ArtifactsModule());
        m.add(new OrchestratorModule());
        m.add(new BillingModule());
        return m;
    }

    public static Injector injector(ServerSettings s, Clock clock, String schema) {
        return Guice.createInjector(forSettings(s, clock, schema));
    }
}
