-- usage_counters (jobs and atom-steps per user and day) is superseded by job_slots (the day's admitted jobs) and
-- usage_periods (atom-steps, estimated and actual cost per month); nothing reads it, so it is no longer written.
DROP TABLE usage_counters;
