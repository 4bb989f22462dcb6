-- Billing: subscriptions (a copy of Stripe's, with when changes take effect), Stripe events seen (each once),
-- admission slots (the parallel and daily guardrails' counts, checked under a row lock) and usage per period.

CREATE TABLE subscriptions (
    user_id                VARCHAR(40)  PRIMARY KEY REFERENCES users (id),
    tier_id                VARCHAR(20)  NOT NULL,
    status                 VARCHAR(20)  NOT NULL,
    current_period_end     BIGINT,
    past_due_since         BIGINT,
    pending_tier_id        VARCHAR(20),
    cancel_at_period_end   BOOLEAN      NOT NULL,
    stripe_customer_id     VARCHAR(100),
    stripe_subscription_id VARCHAR(100),
    custom_limits          VARCHAR(2000),
    updated_at             BIGINT       NOT NULL
);
CREATE INDEX subscriptions_customer ON subscriptions (stripe_customer_id);
CREATE INDEX subscriptions_stripe_id ON subscriptions (stripe_subscription_id);

CREATE TABLE stripe_events (
    event_id    VARCHAR(100) PRIMARY KEY,
    event_type  VARCHAR(100) NOT NULL,
    received_at BIGINT       NOT NULL,
    user_id     VARCHAR(40),
    outcome     VARCHAR(500)
);

-- one row per admitted job: running until the job reaches a final state; usage_day is its UTC admission day
CREATE TABLE job_slots (
    job_id     VARCHAR(40) PRIMARY KEY,
    user_id    VARCHAR(40) NOT NULL REFERENCES users (id),
    usage_day  VARCHAR(10) NOT NULL,
    running    BOOLEAN     NOT NULL,
    created_at BIGINT      NOT NULL
);
CREATE INDEX job_slots_running ON job_slots (user_id, running);
CREATE INDEX job_slots_day ON job_slots (user_id, usage_day);

-- per calendar month (UTC, 'YYYY-MM'): what was admitted (estimates) and what ran (actuals)
CREATE TABLE usage_periods (
    user_id            VARCHAR(40)      NOT NULL REFERENCES users (id),
    period             VARCHAR(7)       NOT NULL,
    jobs_started       INTEGER          NOT NULL,
    atom_steps         BIGINT           NOT NULL,
    estimated_cost_usd DOUBLE PRECISION NOT NULL,
    jobs_finished      INTEGER          NOT NULL,
    compute_seconds    DOUBLE PRECISION NOT NULL,
    actual_cost_usd    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (user_id, period)
);

-- estimate against actual, recorded when a job ends
ALTER TABLE jobs ADD COLUMN actual_seconds DOUBLE PRECISION;
ALTER TABLE jobs ADD COLUMN actual_cost_usd DOUBLE PRECISION;
ALTER TABLE jobs ADD COLUMN tier_id VARCHAR(20);
