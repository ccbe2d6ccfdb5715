-- Message search: a term index kept in the database beside the messages, so that it is written in the message's own
-- transaction, works the same on H2 and MariaDB and on any number of nodes, and loses a recalled message's terms
-- with its text. A term is a 64-bit hash of a folded word (Latin and other spaced scripts) or of one or two
-- neighbouring characters of Chinese or Japanese (written without spaces); hits are checked against the text.
create table message_term (
    term bigint not null,
    message_id bigint not null,
    conversation_id bigint not null,
    primary key (term, message_id),
    constraint fk_term_message foreign key (message_id) references chat_message (id)
);
create index ix_message_term_conversation on message_term (term, conversation_id, message_id);
create index ix_message_term_message on message_term (message_id);

-- Messages stored before this migration are indexed afterwards, newest first, by a chore (MessageSearchBackfill):
-- every message below done_below is indexed.
create table message_search_backfill (
    id int not null primary key,
    done_below bigint not null
);
insert into message_search_backfill (id, done_below) select 1, coalesce(max(id), 0) + 1 from chat_message;
