-- Query-side projection of v_user (table-backed view).
CREATE TABLE tv_user (
    id    UUID PRIMARY KEY,
    data  JSONB NOT NULL
);

-- Full refresh: make tv_user equal to v_user.
-- PLANTED DRIFT 6 (projection forgets a field): the sync builds data itself from tb_user and
-- forgets avatar_url, so tv_user differs from v_user.
CREATE OR REPLACE FUNCTION sync_tv_user() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM tv_user;
    INSERT INTO tv_user (id, data)
    SELECT u.id,
           jsonb_build_object(
               'id',         u.id::text,
               'identifier', u.identifier,
               'email',      u.email,
               'username',   u.username,
               'full_name',  u.full_name,
               'bio',        u.bio,
               'is_active',  u.is_active,
               'created_at', u.created_at,
               'updated_at', u.updated_at)
    FROM tb_user u;
END;
$$;

-- Incremental refresh of one user: upsert from v_user, or delete when the user is gone.
CREATE OR REPLACE FUNCTION fn_sync_tv_user(p_id uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tv_user (id, data)
    SELECT v.id, v.data FROM v_user v WHERE v.id = p_id
    ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data;

    IF NOT FOUND THEN
        DELETE FROM tv_user WHERE id = p_id;
    END IF;
END;
$$;
