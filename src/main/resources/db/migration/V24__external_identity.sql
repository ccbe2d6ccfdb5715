-- Accounts signed in through the company's identity provider (OpenID Connect) or directory (LDAP): each is linked
-- to the account by who the provider says it is (issuer and subject), never by a name that could collide.
create table external_identity (
    id         bigint auto_increment primary key,
    issuer     varchar(255) not null,
    subject    varchar(255) not null,
    user_id    bigint       not null,
    created_at datetime(6)  not null,
    constraint uq_external_identity unique (issuer, subject),
    constraint fk_external_identity_user foreign key (user_id) references user_account (id)
);
create index ix_external_identity_user on external_identity (user_id);

-- The e-mail address the provider gave (shown to administrators; none for accounts registered here).
alter table user_account add column email varchar(254);
