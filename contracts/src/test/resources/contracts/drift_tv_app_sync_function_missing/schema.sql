CREATE SCHEMA app;

CREATE VIEW app.v_user AS
SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name, 'email', u.email) AS data
FROM tb_user u;

CREATE TABLE app.tv_user (
    id UUID PRIMARY KEY,
    data JSONB NOT NULL
);

-- Drift: the sync function was created in public, not beside app.tv_user.
CREATE FUNCTION public.sync_tv_user() RETURNS void LANGUAGE sql AS $$
    DELETE FROM app.tv_user;
    INSERT INTO app.tv_user (id, data) SELECT id, data FROM app.v_user;
$$;
