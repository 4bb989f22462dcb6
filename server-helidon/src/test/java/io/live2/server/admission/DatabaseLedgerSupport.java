package io.live2.server.admission;

import io.live2.server.db.Database;
import io.live2.server.db.UserRepository;
import io.live2.server.settings.ServerSettings;
import io.live2.server.settings.SettingsLoader;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Opens a migrated database for the ledger tests and makes users in it. */
final class DatabaseLedgerSupport {
    private DatabaseLedgerSupport() {
    }

    static Database open(Path data, String postgresUrl, String schema) {
        Map<String, String> env = new HashMap<>(Map.of("LIVE_DATA", data.toString()));
        if (postgresUrl != null) {
            env.put("LIVE_DB_URL", postgresUrl);
            env.put("LIVE_DB_USER", "postgres");
        }
        ServerSettings s = SettingsLoader.load(null, env, Map.of());
        return Database.open(s, schema);
    }

    static String newUser(Database db) {
        String id = "u_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        new UserRepository(db).create(new UserRepository.User(id, id + "@example.org", "x", "user", Clock.systemUTC().millis()));
        return id;
    }
}
