-- @mentions: one row per person a group message names (never a row per member). The conversation is repeated here so
-- that "which of my conversations have a mention I have not read" is one index range per person.
create table message_mention (
    message_id bigint not null,
    user_id bigint not null,
    conversation_id bigint not null,
    primary key (message_id, user_id),
    constraint fk_mention_message foreign key (message_id) references chat_message (id),
    constraint fk_mention_user foreign key (user_id) references user_account (id)
);
create index ix_mention_user_conversation on message_mention (user_id, conversation_id, message_id);
