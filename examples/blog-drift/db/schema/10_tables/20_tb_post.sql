-- Write side: blog posts.
CREATE TABLE tb_post (
    -- Trinity identifiers
    pk_post       INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            UUID DEFAULT gen_random_uuid() NOT NULL UNIQUE,
    identifier    TEXT NOT NULL UNIQUE,

    fk_user       INTEGER NOT NULL REFERENCES tb_user(pk_user),   -- author

    title         TEXT NOT NULL,
    slug          TEXT NOT NULL UNIQUE,                           -- URL slug (migration 002)
    content       TEXT NOT NULL,
    excerpt       TEXT NULL,
    tags          TEXT[] NOT NULL DEFAULT '{}',
    is_published  BOOLEAN NOT NULL DEFAULT false,
    published_at  TIMESTAMPTZ NULL,

    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),

    view_count    INTEGER NOT NULL DEFAULT 0,   -- added by migration 001_add_post_views

    -- tags never contains NULL elements (GraphQL: [String!]!)
    CONSTRAINT tb_post_tags_no_null_elements CHECK (array_position(tags, NULL) IS NULL)
);

CREATE INDEX idx_tb_post_fk_user ON tb_post (fk_user);

-- Most viewed first (migration 001_add_post_views).
CREATE INDEX idx_tb_post_views ON tb_post (view_count DESC);
