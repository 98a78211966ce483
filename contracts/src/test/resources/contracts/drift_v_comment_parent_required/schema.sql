CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object(
           'id', p.id::text,
           'title', p.title,
           'content', p.content,
           'author', vu.data
       ) AS data
FROM tb_post p
JOIN tb_user u ON u.pk_user = p.fk_user
JOIN v_user vu ON vu.id = u.id;

-- Recursive: threaded comments, with cycle protection; the parent comment is a conditional object.
CREATE VIEW v_comment AS
WITH RECURSIVE comment_tree AS (
    -- Base case: root comments (no parent)
    SELECT c.pk_comment, c.id, c.content, c.fk_post, c.fk_user, c.fk_parent_comment,
           0 AS depth, ARRAY[c.pk_comment] AS path
    FROM tb_comment c
    WHERE c.fk_parent_comment IS NULL
    UNION ALL
    -- Recursive case: replies
    SELECT c.pk_comment, c.id, c.content, c.fk_post, c.fk_user, c.fk_parent_comment,
           ct.depth + 1, ct.path || c.pk_comment
    FROM tb_comment c
    JOIN comment_tree ct ON ct.pk_comment = c.fk_parent_comment
    WHERE NOT c.pk_comment = ANY(ct.path)  -- Prevent cycles
)
-- post_id: the column Query.comments(postId:) filters on.
SELECT c.id,
       p.id AS post_id,
       jsonb_build_object(
           'id', c.id::text,
           'content', c.content,
           'depth', c.depth,
           'post', vp.data,
           'author', vu.data,
           'parent_comment', CASE
               WHEN pc.id IS NOT NULL THEN jsonb_build_object(
                   'id', pc.id::text,
                   'author', vu_pc.data
               )
               ELSE NULL
           END
       ) AS data
FROM comment_tree c
JOIN tb_post p ON p.pk_post = c.fk_post
JOIN v_post vp ON vp.id = p.id
JOIN tb_user u ON u.pk_user = c.fk_user
JOIN v_user vu ON vu.id = u.id
LEFT JOIN tb_comment pc ON pc.pk_comment = c.fk_parent_comment
LEFT JOIN v_user vu_pc ON vu_pc.id = (
    SELECT u2.id FROM tb_user u2 WHERE u2.pk_user = pc.fk_user
);
