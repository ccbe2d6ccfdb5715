-- Groups: a conversation of kind GROUP plus roles, join requests, bans and an administrative log.

create table chat_group (
    id               bigint auto_increment primary key,
    name             varchar(64)  not null,
    name_key         varchar(64)  not null,
    description      varchar(500),
    description_key  varchar(500),
    join_policy      varchar(16)  not null,
    conversation_id  bigint       not null,
    member_count     int          not null default 0,
    muted_all        boolean      not null default false,
    created_at       datetime(6)  not null,
    constraint fk_group_conversation foreign key (conversation_id) references conversation (id),
    constraint uk_group_conversation unique (conversation_id)
);
create index ix_group_name on chat_group (name_key, id);
create index ix_group_description on chat_group (description_key);

create table group_member (
    id           bigint auto_increment primary key,
    group_id     bigint       not null,
    user_id      bigint       not null,
    role         varchar(16)  not null,
    muted_until  datetime(6),
    mute_reason  varchar(200),
    joined_at    datetime(6)  not null,
    constraint fk_group_member_group foreign key (group_id) references chat_group (id),
    constraint fk_group_member_user foreign key (user_id) references user_account (id),
    constraint uk_group_member unique (group_id, user_id)
);
create index ix_group_member_user on group_member (user_id, group_id);

create table group_join_request (
    id           bigint auto_increment primary key,
    group_id     bigint       not null,
    user_id      bigint       not null,
    message      varchar(500),
    status       varchar(16)  not null,
    created_at   datetime(6)  not null,
    decided_by   bigint,
    decided_at   datetime(6),
    reason       varchar(200),
    -- "group:user" while pending, null after: one pending request per person and group.
    pending_key  varchar(64),
    constraint fk_join_request_group foreign key (group_id) references chat_group (id),
    constraint fk_join_request_user foreign key (user_id) references user_account (id),
    constraint uk_join_request_pending unique (pending_key)
);
create index ix_join_request_group on group_join_request (group_id, status, id);

create table group_ban (
    id          bigint auto_increment primary key,
    group_id    bigint       not null,
    user_id     bigint       not null,
    banned_by   bigint       not null,
    reason      varchar(200),
    created_at  datetime(6)  not null,
    constraint fk_group_ban_group foreign key (group_id) references chat_group (id),
    constraint fk_group_ban_user foreign key (user_id) references user_account (id),
    constraint uk_group_ban unique (group_id, user_id)
);

create table group_admin_log (
    id          bigint auto_increment primary key,
    group_id    bigint       not null,
    actor_id    bigint       not null,
    target_id   bigint,
    action      varchar(32)  not null,
    reason      varchar(200),
    created_at  datetime(6)  not null,
    constraint fk_admin_log_group foreign key (group_id) references chat_group (id)
);
create index ix_admin_log_group on group_admin_log (group_id, id);

-- System lines ("Ann joined") live in the conversation with the messages.
alter table chat_message add column kind varchar(16) not null default 'USER';
