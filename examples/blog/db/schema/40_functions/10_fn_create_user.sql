-- Mutation createUser (FraiseQL v1 style: one jsonb input, returns mutation_response).
--
-- Input keys (snake_case): email, username, full_name (required); bio, avatar_url,
-- identifier (optional; defaults to the username).
--
-- Statuses:
--   'new'               user created; entity = v_user.data, tv_user synced
--   'failed:validation' missing/blank required key or malformed value
--   'failed:conflict'   email, username or identifier already taken
-- Failures never raise: they return entity NULL and error details in metadata.
CREATE OR REPLACE FUNCTION fn_create_user(input jsonb) RETURNS mutation_response
LANGUAGE plpgsql AS $$
DECLARE
    v_email       text;
    v_username    text;
    v_full_name   text;
    v_bio         text;
    v_avatar_url  text;
    v_identifier  text;
    v_id          uuid := gen_random_uuid();
    v_entity      jsonb;
    v_constraint  text;
BEGIN
    IF input IS NULL OR jsonb_typeof(input) <> 'object' THEN
        RETURN ROW('failed:validation', 'input must be a JSON object',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'input', 'type', 'validation'))::mutation_response;
    END IF;

    v_email      := nullif(btrim(input->>'email'), '');
    v_username   := nullif(btrim(input->>'username'), '');
    v_full_name  := nullif(btrim(input->>'full_name'), '');
    v_bio        := input->>'bio';
    v_avatar_url := input->>'avatar_url';
    v_identifier := coalesce(nullif(btrim(input->>'identifier'), ''), v_username);

    -- Validation: required keys
    IF v_email IS NULL THEN
        RETURN ROW('failed:validation', 'email is required',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'email', 'type', 'validation'))::mutation_response;
    END IF;
    IF v_username IS NULL THEN
        RETURN ROW('failed:validation', 'username is required',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'username', 'type', 'validation'))::mutation_response;
    END IF;
    IF v_full_name IS NULL THEN
        RETURN ROW('failed:validation', 'full_name is required',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'full_name', 'type', 'validation'))::mutation_response;
    END IF;
    IF position('@' IN v_email) = 0 THEN
        RETURN ROW('failed:validation', 'email must contain @',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'email', 'type', 'validation'))::mutation_response;
    END IF;

    -- Conflicts (checked before insert)
    IF EXISTS (SELECT 1 FROM tb_user u WHERE u.email = v_email) THEN
        RETURN ROW('failed:conflict', 'a user with email ' || v_email || ' already exists',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'email', 'type', 'conflict'))::mutation_response;
    END IF;
    IF EXISTS (SELECT 1 FROM tb_user u WHERE u.username = v_username) THEN
        RETURN ROW('failed:conflict', 'a user with username ' || v_username || ' already exists',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'username', 'type', 'conflict'))::mutation_response;
    END IF;
    IF EXISTS (SELECT 1 FROM tb_user u WHERE u.identifier = v_identifier) THEN
        RETURN ROW('failed:conflict', 'a user with identifier ' || v_identifier || ' already exists',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'identifier', 'type', 'conflict'))::mutation_response;
    END IF;

    BEGIN
        INSERT INTO tb_user (id, identifier, email, username, full_name, bio, avatar_url)
        VALUES (v_id, v_identifier, v_email, v_username, v_full_name, v_bio, v_avatar_url);
    EXCEPTION WHEN unique_violation THEN
        -- A concurrent transaction took the key between the checks and the insert.
        GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
        RETURN ROW('failed:conflict', 'user already exists',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('constraint', v_constraint, 'type', 'conflict'))::mutation_response;
    END;

    PERFORM fn_sync_tv_user(v_id);

    SELECT vu.data INTO v_entity FROM v_user vu WHERE vu.id = v_id;

    RETURN ROW('new', 'User created', v_id::text, 'User', v_entity,
               NULL, NULL, NULL)::mutation_response;
END;
$$;
