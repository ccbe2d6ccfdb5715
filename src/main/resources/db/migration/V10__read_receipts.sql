-- Whether a person sends read receipts in one-on-one conversations (and so sees them): on unless turned off.
alter table user_account add column read_receipts boolean default true not null;
