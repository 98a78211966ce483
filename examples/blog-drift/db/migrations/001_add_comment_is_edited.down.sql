-- Reverts 001_add_comment_is_edited: v_comment without is_edited first (it depends on the column), then the
-- column, then the projection.

CREATE OR REPLACE VIEW v_comment AS
SELECT
    c.id,
    jsonb_build_object(
        'id',                c.id::text,
        'identifier',        c.identifier,
        'content',           c.content,
        'created_at',        c.created_at,
        'updated_at',        c.updated_at,
        'author',            vu.data,
        'post_id',           p.id::text,
        'parent_comment_id', parent.id::text
    ) AS data
FROM tb_comment c
JOIN tb_post p ON p.pk_post = c.fk_post
JOIN tb_user u ON u.pk_user = c.fk_user
JOIN v_user vu ON vu.id = u.id
LEFT JOIN tb_comment parent ON parent.pk_comment = c.fk_parent_comment;

ALTER TABLE tb_comment DROP COLUMN IF EXISTS is_edited;

SELECT sync_tv_comment();
