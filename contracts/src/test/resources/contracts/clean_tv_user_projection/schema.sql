CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- Materialised projection of v_user for hot paths (tv_user <- v_user).
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

CREATE INDEX idx_tv_user_data ON tv_user USING GIN (data);
CREATE INDEX idx_tv_user_email ON tv_user ((data->>'email'));
