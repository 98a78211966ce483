CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- The public projection: no email.
CREATE VIEW v_user_public AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name
       ) AS data
FROM tb_user u;

-- Drift: tv_author is configured to be materialised from v_user_public, which lacks email.
CREATE TABLE tv_author (
    id UUID PRIMARY KEY,
    data JSONB NOT NULL
);

CREATE FUNCTION sync_tv_author() RETURNS void LANGUAGE sql AS $$
    DELETE FROM tv_author;
    INSERT INTO tv_author (id, data) SELECT id, data FROM v_user_public;
$$;
