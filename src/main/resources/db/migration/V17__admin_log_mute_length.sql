-- The group log says how long a member was muted for ("Olga muted Max for 10 minutes"): the length given, in
-- seconds, 0 for "until unmuted"; null for other acts and for mutes logged before this column.
alter table group_admin_log add column lasting_seconds bigint;
