-- People search finds any part of a name ("contains"). Walking ix_user_account_search in user-name order reads every
-- entry when few people or nobody match. So each person's lower-case user name and display name are also kept as
-- their grams, every three neighbouring characters, as 64-bit hashes: a query of three or more characters reads only
-- the people who have its rarest gram, and a query with a gram nobody has is answered at once.
create table person_gram (
    gram bigint not null,
    user_id bigint not null,
    primary key (gram, user_id),
    constraint fk_person_gram_user foreign key (user_id) references user_account (id)
);
create index ix_person_gram_user on person_gram (user_id);

-- People registered before this migration get their grams afterwards, newest first, from a chore
-- (PeopleSearchIndex): every person below done_below has them. Until it is done, search walks the name index.
create table person_gram_backfill (
    id int not null primary key,
    done_below bigint not null
);
insert into person_gram_backfill (id, done_below) select 1, coalesce(max(id), 0) + 1 from user_account;
