-- Read side: UserWithPosts (sql_source v_user_with_posts).
-- One-to-many composition: the user's posts as an array of v_post.data, newest first.
-- COALESCE(... FILTER ..., '[]') guarantees an array (never null) for users without posts.
-- PLANTED DRIFT 3 (count as text): post_count is emitted as text; UserWithPosts.postCount is Int!.
-- PLANTED DRIFT 4 (no COALESCE): jsonb_agg ... FILTER is NULL for a user without posts; posts is [Post!]!.
CREATE OR REPLACE VIEW v_user_with_posts AS
SELECT
    u.id,
    jsonb_build_object(
        'id',         u.id::text,
        'identifier', u.identifier,
        'email',      u.email,
        'username',   u.username,
        'full_name',  u.full_name,
        'bio',        u.bio,
        'avatar_url', u.avatar_url,
        'is_active',  u.is_active,
        'created_at', u.created_at,
        'updated_at', u.updated_at,
        'post_count', COUNT(p.pk_post)::text,
        'posts', jsonb_agg(vp.data ORDER BY vp.data->>'created_at' DESC)
                     FILTER (WHERE vp.id IS NOT NULL)
    ) AS data
FROM tb_user u
LEFT JOIN tb_post p ON p.fk_user = u.pk_user
LEFT JOIN v_post vp ON vp.id = p.id
GROUP BY u.pk_user, u.id, u.identifier, u.email, u.username, u.full_name,
         u.bio, u.avatar_url, u.is_active, u.created_at, u.updated_at;
