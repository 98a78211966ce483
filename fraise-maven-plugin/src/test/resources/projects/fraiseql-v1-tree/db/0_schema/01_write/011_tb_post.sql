-- tb_post comes before tb_user, as file order has it: two_pass adds its foreign key after every table exists.
CREATE TABLE app.tb_post (
    pk_post     INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    identifier  TEXT NOT NULL UNIQUE,
    fk_author   INTEGER NOT NULL REFERENCES app.tb_user (pk_user),
    title       TEXT NOT NULL,
    subtitle    TEXT
);
