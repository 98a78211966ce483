CREATE VIEW v_user AS
SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name, 'email', u.email) AS data
FROM tb_user u;

-- Mutation.createUser looks for fn_create_user, then create_user; the function is fn_create_users.
CREATE TYPE mutation_response AS (
    status text, message text, entity_id text, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, metadata jsonb);

CREATE FUNCTION fn_create_users(input jsonb) RETURNS mutation_response LANGUAGE sql AS $$
    SELECT ROW('new', 'created', NULL, 'User', input, NULL, NULL, NULL)::mutation_response;
$$;
