CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- Drift: this mutation_response declares entity_id uuid (the v2 type); v1 has entity_id text.
CREATE TYPE mutation_response AS (
    status text, message text, entity_id uuid, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, metadata jsonb);

CREATE FUNCTION fn_create_user(input jsonb) RETURNS mutation_response LANGUAGE sql AS $$
    SELECT ROW('new', 'created', NULL, 'User', input, NULL, NULL, NULL)::mutation_response;
$$;
