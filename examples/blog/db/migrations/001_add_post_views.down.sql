-- Reverts 001_add_post_views: v_post without view_count first (it depends on the column), then the index
-- and the column, then the projections.

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
        'author',       vu.data
    ) AS data
FROM tb_post p
JOIN tb_user u ON u.pk_user = p.fk_user
JOIN v_user vu ON vu.id = u.id;

DROP INDEX IF EXISTS idx_tb_post_views;

ALTER TABLE tb_post DROP COLUMN IF EXISTS view_count;

SELECT sync_tv_post();
SELECT sync_tv_user();
