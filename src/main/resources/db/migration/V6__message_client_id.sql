-- An id the sender's client made for a message, so that sending it again (after a crash or a reconnect)
-- returns the stored message instead of storing a second one. Null for messages sent without one.
-- Ids are per sender, compared exactly: ASCII with a binary collation, so "aB" and "Ab" stay two ids
-- (the database's default collation would fold case). Many nulls per sender are allowed by the index.
alter table chat_message add column client_id varchar(64) character set ascii collate ascii_bin null;
create unique index ux_message_sender_client on chat_message (sender_id, client_id);
