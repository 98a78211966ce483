-- Write side: users.
CREATE TABLE tb_user (
    -- Trinity identifiers
    pk_user     INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- internal, never exposed
    id          UUID DEFAULT gen_random_uuid() NOT NULL UNIQUE,     -- public identity
    identifier  TEXT NOT NULL UNIQUE,                               -- human-readable slug

    email       TEXT NOT NULL UNIQUE,
    username    TEXT NOT NULL UNIQUE,
    full_name   TEXT NOT NULL,
    bio         TEXT NULL,
    avatar_url  TEXT NULL,
    is_active   BOOLEAN NOT NULL DEFAULT true,

    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
