CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

CREATE TYPE mutation_error_class AS ENUM ('validation', 'conflict', 'not_found', 'unauthorized', 'forbidden',
    'internal', 'transaction_failed', 'timeout', 'rate_limited', 'service_unavailable');
CREATE TYPE mutation_response AS (
    succeeded boolean, state_changed boolean, error_class mutation_error_class, status_detail text,
    http_status smallint, message text, entity_id uuid, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, error_detail jsonb, metadata jsonb);

-- Drift: p_is_active is text; CreateUserInput.isActive is Boolean.
CREATE FUNCTION fn_create_user(p_name text, p_email text, p_is_active text, user_id uuid)
RETURNS mutation_response LANGUAGE sql AS $$
    SELECT ROW(true, true, NULL, 'created', 201, 'created', gen_random_uuid(), 'User', NULL, NULL, NULL, NULL,
               NULL)::mutation_response;
$$;

CREATE FUNCTION fn_delete_user(p_id uuid, user_id uuid) RETURNS mutation_response LANGUAGE sql AS $$
    SELECT ROW(true, true, NULL, 'deleted', 200, 'deleted', p_id, 'User', NULL, NULL, NULL, NULL,
               NULL)::mutation_response;
$$;

-- The update path passes one jsonb payload first.
CREATE FUNCTION fn_update_user(input jsonb, user_id uuid) RETURNS mutation_response LANGUAGE sql AS $$
    SELECT ROW(true, true, NULL, 'updated', 200, 'updated', NULL, 'User', input, NULL, NULL, NULL,
               NULL)::mutation_response;
$$;
