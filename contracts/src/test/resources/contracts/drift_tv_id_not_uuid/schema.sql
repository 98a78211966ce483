CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- Drift: tv_user is keyed by text, and id is not its primary key.
CREATE TABLE tv_user (
    id TEXT NOT NULL,
    data JSONB NOT NULL
);

CREATE FUNCTION sync_tv_user() RETURNS void LANGUAGE sql AS $$
    DELETE FROM tv_user;
    INSERT INTO tv_user (id, data) SELECT id::text, data FROM v_user;
$$;
