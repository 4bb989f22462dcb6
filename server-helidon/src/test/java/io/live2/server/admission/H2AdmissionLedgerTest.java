package io.live2.server.admission;

import io.live2.server.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

/** The database ledger on the embedded H2 (PostgreSQL mode, the URL the server uses). */
class H2AdmissionLedgerTest extends AdmissionLedgerContract {
    @TempDir
    static Path tmp;
    static Database db;
    static AdmissionLedger ledger;

    @BeforeAll
    static void open() {
        db = DatabaseLedgerSupport.open(tmp, null, null);
        ledger = new DatabaseAdmissionLedger(db, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        db.close();
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
