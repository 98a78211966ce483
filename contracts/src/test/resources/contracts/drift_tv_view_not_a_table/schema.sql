CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- Drift: the projection is a plain view, so there is nothing to sync; the sync fails at run time.
CREATE VIEW tv_user AS
SELECT id, data FROM v_user;

CREATE FUNCTION sync_tv_user() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM tv_user;
    INSERT INTO tv_user (id, data) SELECT id, data FROM v_user;
END;
$$;

INSERT INTO tb_user (id, identifier, name, email) VALUES
    ('a0000000-0000-4000-8000-000000000001', 'alice', 'Alice', 'alice@example.com'),
    ('a0000000-0000-4000-8000-000000000002', 'bob', 'Bob', 'bob@example.com');
