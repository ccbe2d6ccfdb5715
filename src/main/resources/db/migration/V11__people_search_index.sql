-- People search walks this index in user-name order and tests both names in it, reading no row until it has the
-- page's ids: a query that matches few people, or none, reads 100,000 index entries instead of 100,000 rows.
create index ix_user_account_search on user_account (username_key, display_name_key);
