-- Light, dark, or as the operating system says (the default): a choice in Profile, applied to every tab.
alter table user_account add column color_scheme varchar(8) not null default 'SYSTEM';
