-- Server administration: an administrator may disable an account (its owner cannot sign in; their messages stay),
-- and may make others administrators (those named in parley.administrators are administrators anyway).
alter table user_account add column disabled boolean not null default false;
alter table user_account add column administrator boolean not null default false;

-- What server administrators did, newest last: who, what, to whom or which group, when. The subject's name is
-- kept as it was, so the line still says whom it was about after a group is deleted.
create table server_admin_log (
    id              bigint auto_increment primary key,
    at              datetime(6)  not null,
    administrator_id bigint      not null,
    action          varchar(24)  not null,
    subject_user_id bigint,
    subject_group_id bigint,
    subject_name    varchar(64)  not null,
    constraint fk_server_admin_log_administrator foreign key (administrator_id) references user_account (id)
);
create index ix_server_admin_log_at on server_admin_log (at);
