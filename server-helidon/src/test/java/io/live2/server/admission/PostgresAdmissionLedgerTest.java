package io.live2.server.admission;

import io.live2.server.Services;
import io.live2.server.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/** The database ledger on PostgreSQL, in a schema of its own: the row lock holds across connections (replicas). */
class PostgresAdmissionLedgerTest extends AdmissionLedgerContract {
    @TempDir
    static Path tmp;
    static Database db;
    static AdmissionLedger ledger;

    @BeforeAll
    static void open() {
        Services.requirePostgres();
        db = DatabaseLedgerSupport.open(tmp, Services.POSTGRES_URL, "ledger_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        ledger = new DatabaseAdmissionLedger(db, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    AdmissionLedger ledger() {
        return ledger;
    }

    @Override
    String newUser() {
        return DatabaseLedgerSupport.newUser(db);
    }
}
