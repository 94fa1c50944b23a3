-- Stripe-style idempotency: one row per (client, key), holding the plan the key created and a hash of the
-- normalised request, so a retry gets the same plan and a different body under the same key is refused.
create table idempotency_keys (
    client_id        text        not null,
    idempotency_key  text        not null,
    request_sha256   text        not null,
    plan_id          uuid        not null,
    state            text        not null check (state in ('IN_FLIGHT', 'ACCEPTED')),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    primary key (client_id, idempotency_key)
);

create index idempotency_keys_by_age on idempotency_keys (created_at);
