CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object('id', u.id::text, 'name', u.name, 'email', u.email) AS data
FROM tb_user u;

CREATE TYPE mutation_response AS (
    status text, message text, entity_id text, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, metadata jsonb);

-- Drift: the entity is built inline and drifted from User: no email key, and bio, which can be NULL, as name.
CREATE FUNCTION fn_create_user(input jsonb) RETURNS mutation_response LANGUAGE plpgsql AS $$
DECLARE
    v_id uuid := gen_random_uuid();
BEGIN
    INSERT INTO tb_user (id, identifier, name, email)
    VALUES (v_id, input->>'email', input->>'name', input->>'email');
    RETURN (SELECT ROW('new', 'created', u.id::text, 'User',
                       jsonb_build_object('id', u.id::text, 'name', u.bio), NULL, NULL, NULL)::mutation_response
            FROM tb_user u WHERE u.id = v_id);
END;
$$;

-- The entity is built by dynamic SQL, which is not analysed.
CREATE FUNCTION fn_rename_user(input jsonb) RETURNS mutation_response LANGUAGE plpgsql AS $$
DECLARE
    v_result mutation_response;
BEGIN
    EXECUTE 'SELECT ROW(''updated'', NULL, NULL, NULL, NULL, NULL, NULL, NULL)::mutation_response' INTO v_result;
    RETURN v_result;
END;
$$;
