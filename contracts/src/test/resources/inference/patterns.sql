-- Tables of the inference pattern tests: trinity ids, NOT NULL where the seed has it.
CREATE TABLE tb_user (
    pk_user INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    identifier TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT,
    bio TEXT,
    avatar_url TEXT,
    display_name TEXT,
    age INTEGER,
    score NUMERIC,
    is_active BOOLEAN NOT NULL DEFAULT true,
    nickname TEXT CHECK (nickname IS NOT NULL),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    tags TEXT[]
);
CREATE TABLE tb_post (
    pk_post INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    fk_user INTEGER NOT NULL REFERENCES tb_user (pk_user),
    title TEXT NOT NULL,
    content TEXT,
    view_count INTEGER NOT NULL DEFAULT 0,
    is_published BOOLEAN NOT NULL DEFAULT false,
    published_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE tb_tag (
    pk_tag INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    name TEXT NOT NULL
);
CREATE TABLE tb_post_tag (
    pk_post_tag INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fk_post INTEGER NOT NULL REFERENCES tb_post (pk_post),
    fk_tag INTEGER NOT NULL REFERENCES tb_tag (pk_tag),
    UNIQUE (fk_post, fk_tag)
);
CREATE TABLE tb_comment (
    pk_comment INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    fk_post INTEGER NOT NULL REFERENCES tb_post (pk_post),
    fk_user INTEGER NOT NULL REFERENCES tb_user (pk_user),
    fk_parent_comment INTEGER REFERENCES tb_comment (pk_comment),
    content TEXT NOT NULL
);
CREATE TABLE tb_user_settings (
    pk_user_settings INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fk_user INTEGER NOT NULL REFERENCES tb_user (pk_user),
    theme TEXT NOT NULL,
    notifications_enabled BOOLEAN
);
CREATE TABLE tb_profile (
    pk_profile INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    fk_user INTEGER NOT NULL REFERENCES tb_user (pk_user),
    bio TEXT,
    website TEXT
);
CREATE TYPE post_summary AS (title TEXT, views INTEGER);
