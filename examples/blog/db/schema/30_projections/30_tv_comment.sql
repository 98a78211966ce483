-- Query-side projection of v_comment (table-backed view).
CREATE TABLE tv_comment (
    id    UUID PRIMARY KEY,
    data  JSONB NOT NULL
);

-- Full refresh: make tv_comment equal to v_comment.
CREATE OR REPLACE FUNCTION sync_tv_comment() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM tv_comment;
    INSERT INTO tv_comment (id, data)
    SELECT id, data FROM v_comment;
END;
$$;

-- Incremental refresh of one comment: upsert from v_comment, or delete when the comment is gone.
CREATE OR REPLACE FUNCTION fn_sync_tv_comment(p_id uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tv_comment (id, data)
    SELECT v.id, v.data FROM v_comment v WHERE v.id = p_id
    ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data;

    IF NOT FOUND THEN
        DELETE FROM tv_comment WHERE id = p_id;
    END IF;
END;
$$;
