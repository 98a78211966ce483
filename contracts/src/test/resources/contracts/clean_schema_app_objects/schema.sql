-- Every kind of object in schema app, checked with schemas=app,public: views bound bare and qualified, a tv_
-- table with its sync function, a mutation function, and a trinity table with a role-named foreign key.
CREATE SCHEMA app;

CREATE TABLE app.tb_account (
    pk_account  INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    identifier  TEXT NOT NULL UNIQUE,
    fk_owner    INTEGER NOT NULL REFERENCES tb_user (pk_user)
);

CREATE VIEW app.v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

CREATE VIEW app.v_account AS
SELECT a.id,
       jsonb_build_object(
           'id', a.id::text,
           'identifier', a.identifier,
           'owner', vu.data
       ) AS data
FROM app.tb_account a
JOIN tb_user u ON u.pk_user = a.fk_owner
JOIN app.v_user vu ON vu.id = u.id;

CREATE TABLE app.tv_user (
    id UUID PRIMARY KEY,
    data JSONB NOT NULL
);

CREATE FUNCTION app.sync_tv_user() RETURNS void LANGUAGE sql AS $$
    DELETE FROM app.tv_user;
    INSERT INTO app.tv_user (id, data) SELECT id, data FROM app.v_user;
$$;

CREATE TYPE app.mutation_response AS (
    status text, message text, entity_id text, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, metadata jsonb);

CREATE FUNCTION app.fn_create_user(input jsonb) RETURNS app.mutation_response LANGUAGE sql AS $$
    SELECT ROW('new', 'created', NULL, 'User', input, NULL, NULL, NULL)::app.mutation_response;
$$;
