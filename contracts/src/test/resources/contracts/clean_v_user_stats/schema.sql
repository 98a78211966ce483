-- Aggregations: COUNT is never null, SUM is COALESCEd, MAX is null for a user without published posts.
CREATE VIEW v_user_stats AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'post_count', COUNT(p.pk_post),
           'total_views', COALESCE(SUM(p.view_count), 0),
           'latest_post_at', MAX(p.published_at)
       ) AS data
FROM tb_user u
LEFT JOIN tb_post p ON p.fk_user = u.pk_user AND p.is_published = true
GROUP BY u.id, u.name;
