-- English or Simplified Chinese, or as the browser asks (the default): a choice in Profile, for every tab.
alter table user_account add column language varchar(8) not null default 'BROWSER';
