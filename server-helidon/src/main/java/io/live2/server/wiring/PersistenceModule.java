package io.live2.server.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.live2.server.db.ApiKeyRepository;
import io.live2.server.db.Database;
import io.live2.server.db.JobRepository;
import io.live2.server.db.RefreshTokenRepository;
import io.live2.server.db.SubscriptionRepository;
import io.live2.server.db.StripeEventRepository;
import io.live2.server.db.UsagePeriodRepository;
import io.live2.server.db.UserRepository;
import io.live2.server.settings.ServerSettings;

/**
 * The database (H2 file or PostgreSQL: the JDBC URL decides; the migrations are the same) and the repositories.
 * {@code schema} puts every table in a schema of its own (tests on a shared PostgreSQL); null for the default.
 */
final class PersistenceModule extends AbstractModule {
    private final String schema;

    PersistenceModule(String schema) {
        this.schema = schema;
    }

    @Provides
    @Singleton
    Database database(ServerSettings s) {
        return Database.open(s, schema);
    }

    @Provides
    @Singleton
    UserRepository users(Database db) {
        return new UserRepository(db);
    }

    @Provides
    @Singleton
    ApiKeyRepository keys(Database db) {
        return new ApiKeyRepository(db);
    }

    @Provides
    @Singleton
    RefreshTokenRepository refresh(Database db) {
        return new RefreshTokenRepository(db);
    }

    @Provides
    @Singleton
    JobRepository jobs(Database db) {
        return new JobRepository(db);
    }

    @Provides
    @Singleton
    SubscriptionRepository subscriptions(Database db) {
        return new SubscriptionRepository(db);
    }

    @Provides
    @Singleton
    StripeEventRepository stripeEvents(Database db) {
        return new StripeEventRepository(db);
    }

    @Provides
    @Singleton
    UsagePeriodRepository periods(Database db) {
        return new UsagePeriodRepository(db);
    }
}
