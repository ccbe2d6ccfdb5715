-- Recall, edit and removal: a recalled or removed message keeps its place and its count, but its text and its
-- attachment are gone; removed_by is the administrator who removed it (null: its sender recalled it).
alter table chat_message add column recalled_at timestamp(3);
alter table chat_message add column removed_by bigint;
alter table chat_message add column edited_at timestamp(3);
