-- A person may delete their account. The row stays (what they wrote keeps its sender, shown as "Deleted user"),
-- without their names, picture, password or ties; this marks it, so search and lists can leave it out.
alter table user_account add column deleted boolean not null default false;
