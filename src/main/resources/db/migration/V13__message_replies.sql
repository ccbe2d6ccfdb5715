-- Replies: a message may answer an earlier one of the same conversation. Only the reference is stored: the quote
-- is read from the original each time, so a recalled original's text is gone from its replies too.
alter table chat_message add column reply_to_id bigint;
alter table chat_message add constraint fk_message_reply_to foreign key (reply_to_id) references chat_message (id);
