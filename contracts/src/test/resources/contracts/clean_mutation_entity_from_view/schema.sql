CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object('id', u.id::text, 'name', u.name, 'email', u.email) AS data
FROM tb_user u;

CREATE TYPE mutation_response AS (
    status text, message text, entity_id text, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, metadata jsonb);

CREATE FUNCTION mutation_created(p_message text, p_entity_id text, p_entity jsonb) RETURNS mutation_response
LANGUAGE sql AS $$
    SELECT ROW('new', p_message, p_entity_id, 'User', p_entity, NULL, NULL, NULL)::mutation_response;
$$;

-- The entity is v_user's data for the new row, read into a variable and passed through a helper; the failure
-- returns no entity.
CREATE FUNCTION fn_create_user(input jsonb) RETURNS mutation_response LANGUAGE plpgsql AS $$
DECLARE
    v_id     uuid := gen_random_uuid();
    v_entity jsonb;
BEGIN
    IF input->>'email' IS NULL THEN
        RETURN ROW('failed:validation', 'email is required', NULL, NULL, NULL, NULL, NULL, NULL)::mutation_response;
    END IF;
    INSERT INTO tb_user (id, identifier, name, email)
    VALUES (v_id, input->>'email', input->>'name', input->>'email');
    SELECT vu.data INTO v_entity FROM v_user vu WHERE vu.id = v_id;
    RETURN mutation_created('created', v_id::text, v_entity);
END;
$$;
