-- System lines are stored as events (their body is the key of their words, e.g. chat.system.added) and said in
-- each reader's language: the sender is who did it, subject_id whom it is about.
alter table chat_message add column subject_id bigint;
