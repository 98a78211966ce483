-- Avoiding cycles: v_user_with_posts lists only the post ids, not v_post.data.
CREATE VIEW v_user_with_posts AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email,
           'post_ids', COALESCE(
               jsonb_agg(p.id ORDER BY p.created_at DESC) FILTER (WHERE p.id IS NOT NULL),
               '[]'::jsonb
           )
       ) AS data
FROM tb_user u
LEFT JOIN tb_post p ON p.fk_user = u.pk_user
GROUP BY u.id, u.name, u.email;
