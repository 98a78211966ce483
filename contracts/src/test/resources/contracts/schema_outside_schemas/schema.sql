-- The views and the mutation function live in schema app, which the check (schemas=[public]) does not search.
CREATE SCHEMA app;

CREATE VIEW app.v_user AS
SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name, 'email', u.email) AS data
FROM tb_user u;

CREATE VIEW app.v_admin AS
SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name, 'email', u.email) AS data
FROM tb_user u WHERE u.is_active;

CREATE TYPE app.mutation_response AS (
    status text, message text, entity_id text, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, metadata jsonb);

CREATE FUNCTION app.fn_create_user(input jsonb) RETURNS app.mutation_response LANGUAGE sql AS $$
    SELECT ROW('new', 'created', NULL, 'User', input, NULL, NULL, NULL)::app.mutation_response;
$$;
