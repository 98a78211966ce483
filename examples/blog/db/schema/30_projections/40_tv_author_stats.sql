-- Query-side projection with no source view: sync_tv_author_stats() builds each author's stats itself.
-- Fraise reads the shape of tv_author_stats.data from the function's INSERT … SELECT (PostgreSQL analyses it
-- in a transaction that is rolled back), so AuthorStats is checked statically like a view-backed type.
CREATE TABLE tv_author_stats (
    id    UUID PRIMARY KEY,
    data  JSONB NOT NULL
);

-- Full refresh: one row per user, with the counts of their published posts and comments.
CREATE OR REPLACE FUNCTION sync_tv_author_stats() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM tv_author_stats;
    INSERT INTO tv_author_stats (id, data)
    SELECT u.id,
           jsonb_build_object(
               'id',                   u.id::text,
               'username',             u.username,
               'published_post_count', (SELECT count(*) FROM tb_post p
                                        WHERE p.fk_user = u.pk_user AND p.is_published),
               'comment_count',        (SELECT count(*) FROM tb_comment c WHERE c.fk_user = u.pk_user),
               'last_published_at',    (SELECT max(p.published_at) FROM tb_post p
                                        WHERE p.fk_user = u.pk_user AND p.is_published)
           )
    FROM tb_user u;
END;
$$;
