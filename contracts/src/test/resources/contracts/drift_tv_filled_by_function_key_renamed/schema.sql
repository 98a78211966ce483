-- The published drift, statically: fn_sync_tv_author_stats(p_id) writes the count as post_count where the type
-- reads published_post_count, and never writes last_published_at.
CREATE TABLE tv_author_stats (
    id   UUID PRIMARY KEY,
    data JSONB NOT NULL
);

CREATE FUNCTION fn_sync_tv_author_stats(p_id uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_data jsonb;
BEGIN
    SELECT jsonb_build_object(
               'id', u.id::text,
               'name', u.name,
               'post_count', (SELECT count(*) FROM tb_post p WHERE p.fk_user = u.pk_user AND p.is_published))
    INTO v_data
    FROM tb_user u WHERE u.id = p_id;

    INSERT INTO tv_author_stats (id, data) VALUES (p_id, v_data)
    ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data;
END;
$$;
