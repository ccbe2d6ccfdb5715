-- A group's picture, like a user's: scaled by the server, versioned in the address so it caches well.
alter table chat_group add column avatar_version int not null default 0;

create table group_avatar (
    group_id     bigint       not null primary key,
    content_type varchar(32)  not null,
    data         mediumblob   not null,
    constraint fk_group_avatar_group foreign key (group_id) references chat_group (id)
);
