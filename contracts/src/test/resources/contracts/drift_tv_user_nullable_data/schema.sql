CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- Drift: tv_user.data lost its NOT NULL.
CREATE TABLE tv_user (
    id UUID PRIMARY KEY,
    data JSONB
);

CREATE OR REPLACE FUNCTION sync_tv_user() RETURNS VOID AS $$
BEGIN
    DELETE FROM tv_user;
    INSERT INTO tv_user (id, data) SELECT id, data FROM v_user;
END;
$$ LANGUAGE plpgsql;
