CREATE VIEW v_user AS
SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name) AS data
FROM tb_user u;

-- FraiseQL v1 reads a result by column name: the legacy 6-tuple (object_data for entity, extra_metadata for
-- metadata), and a mutation_response whose columns are in another order with an extra one.
CREATE FUNCTION fn_create_user(input jsonb,
    OUT id uuid, OUT updated_fields text[], OUT status text, OUT message text, OUT object_data jsonb,
    OUT extra_metadata jsonb) LANGUAGE sql AS $$
    SELECT gen_random_uuid(), NULL::text[], 'new', 'created', input, NULL::jsonb;
$$;

CREATE TYPE user_response AS (
    entity jsonb, status text, message text, entity_id text, trace_id text);

CREATE FUNCTION fn_rename_user(input jsonb) RETURNS user_response LANGUAGE sql AS $$
    SELECT ROW(input, 'updated', 'renamed', NULL, NULL)::user_response;
$$;
