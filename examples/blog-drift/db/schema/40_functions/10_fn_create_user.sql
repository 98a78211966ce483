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
-- Results are built with the mutation_* helpers in 05_types/10_mutation_helpers.sql.
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
        RETURN mutation_validation_error('input', 'input must be a JSON object');
    END IF;

    v_email      := nullif(btrim(input->>'email'), '');
    v_username   := nullif(btrim(input->>'username'), '');
    v_full_name  := nullif(btrim(input->>'full_name'), '');
    v_bio        := input->>'bio';
    v_avatar_url := input->>'avatar_url';
    v_identifier := coalesce(nullif(btrim(input->>'identifier'), ''), v_username);

    -- Validation: required keys
    IF v_email IS NULL THEN
        RETURN mutation_validation_error('email', 'email is required');
    END IF;
    IF v_username IS NULL THEN
        RETURN mutation_validation_error('username', 'username is required');
    END IF;
    IF v_full_name IS NULL THEN
        RETURN mutation_validation_error('full_name', 'full_name is required');
    END IF;
    IF position('@' IN v_email) = 0 THEN
        RETURN mutation_validation_error('email', 'email must contain @');
    END IF;

    -- Conflicts (checked before insert)
    IF EXISTS (SELECT 1 FROM tb_user u WHERE u.email = v_email) THEN
        RETURN mutation_conflict('email', 'a user with email ' || v_email || ' already exists');
    END IF;
    IF EXISTS (SELECT 1 FROM tb_user u WHERE u.username = v_username) THEN
        RETURN mutation_conflict('username', 'a user with username ' || v_username || ' already exists');
    END IF;
    IF EXISTS (SELECT 1 FROM tb_user u WHERE u.identifier = v_identifier) THEN
        RETURN mutation_conflict('identifier', 'a user with identifier ' || v_identifier || ' already exists');
    END IF;

    BEGIN
        INSERT INTO tb_user (id, identifier, email, username, full_name, bio, avatar_url)
        VALUES (v_id, v_identifier, v_email, v_username, v_full_name, v_bio, v_avatar_url);
    EXCEPTION WHEN unique_violation THEN
        -- A concurrent transaction took the key between the checks and the insert.
        GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
        RETURN mutation_error('conflict', 'user already exists', jsonb_build_object('constraint', v_constraint, 'type', 'conflict'));
    END;

    PERFORM fn_sync_tv_user(v_id);

    SELECT vu.data INTO v_entity FROM v_user vu WHERE vu.id = v_id;

    RETURN mutation_created('User created', 'User', v_id::text, v_entity);
END;
$$;
