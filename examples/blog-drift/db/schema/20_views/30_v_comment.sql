-- Read side: Comment (sql_source v_comment).
-- The author is embedded (inner joins, never null); the post is referenced by id only
-- (post_id, never null); the parent comment is referenced by id through a LEFT JOIN,
-- so parent_comment_id is null for top-level comments.
-- PLANTED DRIFT 1 (removed key): 'is_edited' is no longer emitted; Comment.isEdited is Boolean!.
-- PLANTED DRIFT 2 (LEFT JOIN): the author's v_user is LEFT JOINed; Comment.author is User!.
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
LEFT JOIN v_user vu ON vu.id = u.id
LEFT JOIN tb_comment parent ON parent.pk_comment = c.fk_parent_comment;
