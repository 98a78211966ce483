BEGIN;

CREATE TABLE app.tb_user (
    pk_user     INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    identifier  TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL
);

COMMIT;
