CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- FraiseQL v1: one jsonb input, mutation_response (8 columns). createUser resolves to fn_create_user,
-- updateUser to update_user (the v1 default), removeUser to its @sqlSource.
CREATE TYPE mutation_response AS (
    status text, message text, entity_id text, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, metadata jsonb);

CREATE FUNCTION fn_create_user(input jsonb) RETURNS mutation_response LANGUAGE sql AS $$
    SELECT ROW('new', 'created', NULL, 'User', input, NULL, NULL, NULL)::mutation_response;
$$;

CREATE FUNCTION update_user(input jsonb) RETURNS mutation_response LANGUAGE sql AS $$
    SELECT ROW('updated', 'updated', NULL, 'User', input, NULL, NULL, NULL)::mutation_response;
$$;

CREATE FUNCTION fn_delete_user(input jsonb) RETURNS mutation_response LANGUAGE sql AS $$
    SELECT ROW('deleted', 'deleted', NULL, 'User', input, NULL, NULL, NULL)::mutation_response;
$$;
