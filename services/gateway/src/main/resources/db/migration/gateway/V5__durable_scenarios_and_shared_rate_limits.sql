-- Scenarios survive a gateway restart: the instance that drives a scenario holds a lease on its row and renews it;
-- a lease that ran out (its gateway stopped) is taken over by another instance, which resumes from the stored
-- progress. A scenario can be cancelled.
alter table scenarios drop constraint scenarios_status_check;
alter table scenarios add constraint scenarios_status_check
    check (status in ('COUNTING', 'RUNNING', 'COMPLETE', 'FAILED', 'CANCELLED'));
alter table scenarios
    -- the gateway instance driving the scenario, until lease_until
    add column claimed_by      text,
    add column lease_until     timestamptz,
    -- how often a lease ran out and another instance took the scenario over
    add column takeovers       integer not null default 0,
    -- where the count's scan ended on each partition of plan.requested, so a resumed scan selects the same requests
    add column log_end_offsets jsonb;

create index scenarios_unfinished on scenarios (lease_until) where status in ('COUNTING', 'RUNNING');

-- One token bucket per API client, shared by every gateway instance: the instant (microseconds since the epoch, on
-- the database's clock) at which the bucket would be full again.
create table rate_limit_buckets (
    client_id      text primary key,
    full_at_micros bigint not null
);
