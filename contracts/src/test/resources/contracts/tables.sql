-- Write side shared by every case of the contract corpus (FraiseQL's view composition guide, PostgreSQL):
-- trinity identifiers (pk_ internal, id public, identifier slug) and NOT NULL where the guide's types need it.
-- Each case's schema.sql adds its views (and any single-point change to these tables).
CREATE TABLE tb_user (
    pk_user       INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    identifier    TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    bio           TEXT,
    avatar_url    TEXT,
    display_name  TEXT,
    is_active     BOOLEAN NOT NULL DEFAULT true,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE tb_user_settings (
    pk_user_settings       INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fk_user                INTEGER NOT NULL UNIQUE REFERENCES tb_user (pk_user),
    theme                  TEXT NOT NULL DEFAULT 'light',
    notifications_enabled  BOOLEAN NOT NULL DEFAULT true
);

CREATE TABLE tb_profile (
    pk_profile  INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    fk_user     INTEGER NOT NULL UNIQUE REFERENCES tb_user (pk_user),
    bio         TEXT,
    website     TEXT
);

CREATE TABLE tb_post (
    pk_post       INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    fk_user       INTEGER NOT NULL REFERENCES tb_user (pk_user),
    title         TEXT NOT NULL,
    content       TEXT NOT NULL,
    view_count    INTEGER NOT NULL DEFAULT 0,
    is_published  BOOLEAN NOT NULL DEFAULT false,
    published_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE tb_tag (
    pk_tag  INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id      UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    name    TEXT NOT NULL UNIQUE
);

CREATE TABLE tb_post_tag (
    pk_post_tag  INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fk_post      INTEGER NOT NULL REFERENCES tb_post (pk_post),
    fk_tag       INTEGER NOT NULL REFERENCES tb_tag (pk_tag),
    UNIQUE (fk_post, fk_tag)
);

CREATE TABLE tb_comment (
    pk_comment         INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                 UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    content            TEXT NOT NULL,
    fk_post            INTEGER NOT NULL REFERENCES tb_post (pk_post),
    fk_user            INTEGER NOT NULL REFERENCES tb_user (pk_user),
    fk_parent_comment  INTEGER REFERENCES tb_comment (pk_comment),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
