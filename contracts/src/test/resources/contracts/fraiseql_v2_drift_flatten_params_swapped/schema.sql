CREATE VIEW v_user AS
SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name, 'email', u.email) AS data
FROM tb_user u;

CREATE TYPE mutation_error_class AS ENUM ('validation', 'conflict', 'not_found', 'unauthorized', 'forbidden',
    'internal', 'transaction_failed', 'timeout', 'rate_limited', 'service_unavailable');
CREATE TYPE mutation_response AS (
    succeeded boolean, state_changed boolean, error_class mutation_error_class, status_detail text,
    http_status smallint, message text, entity_id uuid, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, error_detail jsonb, metadata jsonb);

-- PLANTED: the input type passes name, then email; the function takes them the other way round.
CREATE FUNCTION fn_create_user(p_email text, p_name text, tenant_id uuid)
RETURNS mutation_response LANGUAGE sql AS $$
    SELECT ROW(true, true, NULL, 'created', 201, 'created', gen_random_uuid(), 'User', NULL, NULL, NULL, NULL,
               NULL)::mutation_response;
$$;
