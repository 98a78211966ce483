-- Drift: tv_user is materialised from v_user, which does not emit email.
CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name
       ) AS data
FROM tb_user u;

-- Materialised projection of v_user (tv_user <- v_user).
CREATE TABLE tv_user (
    id UUID PRIMARY KEY,
    data JSONB NOT NULL
);

CREATE OR REPLACE FUNCTION sync_tv_user() RETURNS VOID AS $$
BEGIN
    DELETE FROM tv_user;
    INSERT INTO tv_user (id, data) SELECT id, data FROM v_user;
END;
$$ LANGUAGE plpgsql;
