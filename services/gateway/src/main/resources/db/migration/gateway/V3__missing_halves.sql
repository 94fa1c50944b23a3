-- Why a half of a plan is missing: the service failed on it (its dead letter says why) or did not answer in time.
alter table plans add column stack_problem text;
alter table plans add column costs_problem text;
create index plans_pending on plans (requested_at) where status = 'PENDING';
