-- "Mute notifications" per person and conversation: a busy group keeps its badge but stops notifying (mentions still
-- notify). Read once per tab when it turns notifications on.
alter table conversation_member add column notifications_muted boolean not null default false;
