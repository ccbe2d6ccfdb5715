-- A mute outlives leaving: whoever leaves (or is removed) while muted comes back muted until it ends.
create table group_mute_carry (
    group_id     bigint       not null,
    user_id      bigint       not null,
    muted_until  datetime(6)  not null,
    mute_reason  varchar(200),
    primary key (group_id, user_id),
    constraint fk_mute_carry_group foreign key (group_id) references chat_group (id)
);
