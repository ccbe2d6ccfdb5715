-- Unread state by counters, so that a message costs the same writes in a group of 2 or 2,000: the conversation
-- counts its messages that count as unread (people's messages, not system lines), and each member keeps the
-- count they have read up to. Unread = message_count - read_count. A send writes the conversation row (and
-- moves its sender's marker); reading writes the reader's row. Before this, every send added one to every
-- other member's unread_count.
alter table conversation add column message_count bigint not null default 0;
alter table conversation_member add column read_count bigint not null default 0;

-- Carry the old counts over exactly: what was unread stays unread, to the message.
update conversation set message_count =
    (select count(*) from chat_message m where m.conversation_id = conversation.id and m.kind = 'USER');
update conversation_member set read_count =
    (select c.message_count from conversation c where c.id = conversation_member.conversation_id) - unread_count;

alter table conversation_member drop column unread_count;
