-- Query-side projection of v_post (table-backed view).
CREATE TABLE tv_post (
    id    UUID PRIMARY KEY,
    data  JSONB NOT NULL
);

-- Full refresh: make tv_post equal to v_post.
CREATE OR REPLACE FUNCTION sync_tv_post() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM tv_post;
    INSERT INTO tv_post (id, data)
    SELECT id, data FROM v_post;
END;
$$;

-- Incremental refresh of one post: upsert from v_post, or delete when the post is gone.
CREATE OR REPLACE FUNCTION fn_sync_tv_post(p_id uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tv_post (id, data)
    SELECT v.id, v.data FROM v_post v WHERE v.id = p_id
    ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data;

    IF NOT FOUND THEN
        DELETE FROM tv_post WHERE id = p_id;
    END IF;
END;
$$;
