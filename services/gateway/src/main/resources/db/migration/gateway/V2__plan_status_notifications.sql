-- Every status change is announced on channel plan_status as '<planId>:<status>', so every gateway
-- instance (not only the one whose listener stored the change) can answer waiting clients at once.
create function notify_plan_status() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.status is distinct from old.status then
        perform pg_notify('plan_status', new.plan_id::text || ':' || new.status);
    end if;
    return new;
end
$$;

create trigger plans_status_changed
    after insert or update of status on plans
    for each row execute function notify_plan_status();
