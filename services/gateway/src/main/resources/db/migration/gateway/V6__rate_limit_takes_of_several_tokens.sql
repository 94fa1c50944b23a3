-- A take may ask for several tokens at once (the requests of one client that queued while its last take ran)
-- and get fewer: the row says how many the last take got, computed by the update on the row as it locks it.
alter table rate_limit_buckets add column granted bigint not null default 1;
