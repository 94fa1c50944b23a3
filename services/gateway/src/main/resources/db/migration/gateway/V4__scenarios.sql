-- What-if scenarios: replays of past plan requests under changed knowledge, kept apart from production plans.
create table scenarios (
    scenario_id        uuid primary key,
    client_id          text        not null,
    name               text        not null,
    status             text        not null check (status in ('COUNTING', 'RUNNING', 'COMPLETE', 'FAILED')),
    source             jsonb       not null,
    overrides          jsonb       not null,
    total              integer,
    published          integer     not null default 0,
    -- incremented in the same statement that stores a result's second half, so it never counts twice
    processed          integer     not null default 0,
    first_requested_at timestamptz,
    last_requested_at  timestamptz,
    failure            text,
    created_at         timestamptz not null default now(),
    started_at         timestamptz,
    finished_at        timestamptz
);

create index scenarios_by_client on scenarios (client_id, created_at desc);

create table scenario_results (
    scenario_id       uuid  not null references scenarios on delete cascade,
    plan_id           uuid  not null,
    stack             jsonb,
    costs             jsonb,
    knowledge_version text,
    primary key (scenario_id, plan_id)
);
