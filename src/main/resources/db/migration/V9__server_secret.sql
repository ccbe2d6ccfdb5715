-- Secrets every node of an installation must share (the remember-me signing key): made by the first node that
-- needs one, read by the others.
create table server_secret (
    name varchar(64) not null primary key,
    secret varchar(128) not null
);

-- Stay-signed-in cookies whose owner signed out with them: refused until they would have expired anyway.
create table signed_out_token (
    signature varchar(128) not null primary key,
    expires_at timestamp(3) not null
);
