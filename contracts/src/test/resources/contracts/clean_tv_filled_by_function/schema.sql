-- tv_author_stats has no source view: sync_tv_author_stats() builds its data itself, so the shape of its data is
-- read from the function's INSERT … SELECT (analysed by PostgreSQL), and AuthorStats is checked against it.
CREATE TABLE tv_author_stats (
    id   UUID PRIMARY KEY,
    data JSONB NOT NULL
);

CREATE FUNCTION sync_tv_author_stats() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM tv_author_stats;
    INSERT INTO tv_author_stats (id, data)
    SELECT u.id,
           jsonb_build_object(
               'id', u.id::text,
               'name', u.name,
               'published_post_count', (SELECT count(*) FROM tb_post p
                                        WHERE p.fk_user = u.pk_user AND p.is_published),
               'last_published_at', (SELECT max(p.published_at) FROM tb_post p WHERE p.fk_user = u.pk_user)
           )
    FROM tb_user u;
END;
$$;
