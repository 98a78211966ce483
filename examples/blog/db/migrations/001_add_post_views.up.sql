-- 001_add_post_views: view tracking for posts, as in the FraiseQL blog walkthrough.
-- db/schema holds the same column, index and view (DDL ≡ migrations). The statements are idempotent, so the
-- migration also runs on a database built from the current DDL, which already has all of it.

ALTER TABLE tb_post
    ADD COLUMN IF NOT EXISTS view_count INTEGER NOT NULL DEFAULT 0;

-- Most viewed first.
CREATE INDEX IF NOT EXISTS idx_tb_post_views ON tb_post (view_count DESC);

-- Post.viewCount: v_post as in db/schema/20_views/20_v_post.sql.
CREATE OR REPLACE VIEW v_post AS
SELECT
    p.id,
    jsonb_build_object(
        'id',           p.id::text,
        'identifier',   p.identifier,
        'title',        p.title,
        'content',      p.content,
        'excerpt',      p.excerpt,
        'tags',         p.tags,
        'is_published', p.is_published,
        'published_at', p.published_at,
        'created_at',   p.created_at,
        'view_count',   p.view_count,
        'author',       vu.data
    ) AS data
FROM tb_post p
JOIN tb_user u ON u.pk_user = p.fk_user
JOIN v_user vu ON vu.id = u.id;

-- The projections embed v_post.data: refresh them.
SELECT sync_tv_post();
SELECT sync_tv_user();
