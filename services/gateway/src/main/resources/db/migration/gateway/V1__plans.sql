-- The plan read model: one row per plan, filled by whichever event arrives first.
-- Each half is written once (first write wins), so a redelivered event changes nothing.
create table plans (
    plan_id                   uuid primary key,
    client_id                 text,
    status                    text        not null,
    requested_at              timestamptz,
    request                   jsonb,
    stack                     jsonb,
    stack_knowledge_version   text,
    scored_at                 timestamptz,
    costs                     jsonb,
    costs_knowledge_version   text,
    estimated_at              timestamptz,
    assembled_at              timestamptz,
    -- the row is its own outbox: plan.assembled is published, then this flag is set
    assembled_published       boolean     not null default false,
    updated_at                timestamptz not null default now()
);

create index plans_by_client on plans (client_id, requested_at desc);
create index plans_unpublished on plans (plan_id) where status = 'COMPLETE' and not assembled_published;
