-- Temporary conversations: a one-on-one conversation between members of a shared group who are not friends.
-- It remembers the group it was started from (no foreign key: a deleted group leaves its name behind as "a group").
alter table conversation add column origin_group_id bigint;

-- Who may start a temporary conversation with a person: SHARED_GROUPS (members of a shared group) or NOBODY.
alter table user_account add column temporary_chats varchar(16) not null default 'SHARED_GROUPS';

-- Each group's administrators may switch temporary conversations off for their group.
alter table chat_group add column temporary_chats_allowed boolean not null default true;

-- A file or picture sent in a conversation. Its bytes live in attachment_chunk rows of at most 1 MiB, so
-- no statement comes near max_allowed_packet and no reader holds more than one chunk in memory.
-- PENDING while the upload streams in (nobody can see it); READY once its message is stored.
create table attachment (
    id                bigint auto_increment primary key,
    conversation_id   bigint        not null,
    uploader_id       bigint        not null,
    status            varchar(16)   not null,
    file_name         varchar(255)  not null,
    content_type      varchar(127)  not null,
    size_bytes        bigint        not null default 0,
    chunk_count       int           not null default 0,
    -- Set only when the content is a picture Parley recognised: PNG, JPEG, GIF or WebP.
    picture_format    varchar(8),
    width             int,
    height            int,
    created_at        datetime(6)   not null,
    constraint fk_attachment_conversation foreign key (conversation_id) references conversation (id),
    constraint fk_attachment_uploader foreign key (uploader_id) references user_account (id)
);
create index ix_attachment_status_created on attachment (status, created_at);

-- A picture's preview, made by the server (PNG or JPEG, at most 480 px): small, read whole.
create table attachment_thumbnail (
    attachment_id bigint      not null primary key,
    content_type  varchar(32) not null,
    data          mediumblob  not null,
    constraint fk_thumbnail_attachment foreign key (attachment_id) references attachment (id) on delete cascade
);

create table attachment_chunk (
    attachment_id bigint     not null,
    seq           int        not null,
    data          mediumblob not null,
    constraint pk_attachment_chunk primary key (attachment_id, seq),
    constraint fk_chunk_attachment foreign key (attachment_id) references attachment (id) on delete cascade
);

alter table chat_message add column attachment_id bigint;
alter table chat_message add constraint fk_message_attachment foreign key (attachment_id) references attachment (id);
