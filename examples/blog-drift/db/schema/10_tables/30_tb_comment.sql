-- Write side: comments, optionally threaded (reply to a parent comment).
CREATE TABLE tb_comment (
    -- Trinity identifiers
    pk_comment         INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                 UUID DEFAULT gen_random_uuid() NOT NULL UNIQUE,
    identifier         TEXT NOT NULL UNIQUE,

    fk_post            INTEGER NOT NULL REFERENCES tb_post(pk_post),
    fk_user            INTEGER NOT NULL REFERENCES tb_user(pk_user),     -- author
    fk_parent_comment  INTEGER NULL REFERENCES tb_comment(pk_comment),   -- NULL for top-level comments

    content            TEXT NOT NULL,
    is_edited          BOOLEAN NOT NULL DEFAULT false,

    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_tb_comment_fk_post ON tb_comment (fk_post);
CREATE INDEX idx_tb_comment_fk_user ON tb_comment (fk_user);
CREATE INDEX idx_tb_comment_fk_parent_comment ON tb_comment (fk_parent_comment);
