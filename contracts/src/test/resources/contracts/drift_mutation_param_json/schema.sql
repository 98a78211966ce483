CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- Drift: the input is json, not jsonb, so the v1 call fn_create_user($1::jsonb) finds no function.
CREATE TYPE mutation_response AS (
    status text, message text, entity_id text, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, metadata jsonb);

CREATE FUNCTION fn_create_user(input json) RETURNS mutation_response LANGUAGE sql AS $$
    SELECT ROW('new', 'created', NULL, 'User', input::jsonb, NULL, NULL, NULL)::mutation_response;
$$;
