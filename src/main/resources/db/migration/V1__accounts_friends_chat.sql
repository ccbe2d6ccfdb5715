-- Portable between MariaDB and H2 (in MariaDB mode). Lower-cased "key" columns carry the
-- case-insensitive unique constraint and the search indexes.

create table user_account (
    id              bigint auto_increment primary key,
    username        varchar(32)  not null,
    username_key    varchar(32)  not null,
    display_name    varchar(64)  not null,
    display_name_key varchar(64) not null,
    password_hash   varchar(100) not null,
    avatar_version  int          not null default 0,
    created_at      datetime(6)  not null,
    constraint uk_user_account_username unique (username_key)
);
create index ix_user_account_display_name on user_account (display_name_key, username_key);

create table user_avatar (
    user_id      bigint       not null primary key,
    content_type varchar(32)  not null,
    data         mediumblob   not null,
    constraint fk_user_avatar_user foreign key (user_id) references user_account (id) on delete cascade
);

create table friend_request (
    id           bigint auto_increment primary key,
    sender_id    bigint       not null,
    recipient_id bigint       not null,
    note         varchar(500),
    status       varchar(16)  not null,
    created_at   datetime(6)  not null,
    answered_at  datetime(6),
    -- Non-null only while pending: at most one pending request per ordered pair.
    pending_key  varchar(64),
    constraint fk_friend_request_sender foreign key (sender_id) references user_account (id),
    constraint fk_friend_request_recipient foreign key (recipient_id) references user_account (id),
    constraint uk_friend_request_pending unique (pending_key)
);
create index ix_friend_request_recipient on friend_request (recipient_id, status);
create index ix_friend_request_sender on friend_request (sender_id, status);

create table friendship (
    id          bigint auto_increment primary key,
    user_low    bigint      not null,
    user_high   bigint      not null,
    created_at  datetime(6) not null,
    constraint fk_friendship_low foreign key (user_low) references user_account (id),
    constraint fk_friendship_high foreign key (user_high) references user_account (id),
    constraint uk_friendship unique (user_low, user_high)
);
create index ix_friendship_high on friendship (user_high, user_low);

create table user_block (
    id          bigint auto_increment primary key,
    blocker_id  bigint      not null,
    blocked_id  bigint      not null,
    created_at  datetime(6) not null,
    constraint fk_user_block_blocker foreign key (blocker_id) references user_account (id),
    constraint fk_user_block_blocked foreign key (blocked_id) references user_account (id),
    constraint uk_user_block unique (blocker_id, blocked_id)
);
create index ix_user_block_blocked on user_block (blocked_id, blocker_id);

create table conversation (
    id               bigint auto_increment primary key,
    kind             varchar(16)  not null,
    -- "low:high" user ids for one-on-one conversations: one conversation per pair.
    direct_key       varchar(64),
    created_at       datetime(6)  not null,
    last_activity_at datetime(6)  not null,
    last_message_id  bigint,
    constraint uk_conversation_direct unique (direct_key)
);

create table conversation_member (
    id                   bigint auto_increment primary key,
    conversation_id      bigint      not null,
    user_id              bigint      not null,
    unread_count         int         not null default 0,
    last_read_message_id bigint,
    joined_at            datetime(6) not null,
    constraint fk_member_conversation foreign key (conversation_id) references conversation (id),
    constraint fk_member_user foreign key (user_id) references user_account (id),
    constraint uk_member unique (conversation_id, user_id)
);
create index ix_member_user on conversation_member (user_id, conversation_id);

create table chat_message (
    id              bigint auto_increment primary key,
    conversation_id bigint        not null,
    sender_id       bigint        not null,
    body            varchar(4000) not null,
    created_at      datetime(6)   not null,
    constraint fk_message_conversation foreign key (conversation_id) references conversation (id),
    constraint fk_message_sender foreign key (sender_id) references user_account (id)
);
-- History is read newest-first by keyset on (conversation_id, id).
create index ix_message_conversation on chat_message (conversation_id, id);
