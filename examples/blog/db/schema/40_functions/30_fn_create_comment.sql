-- Mutation createComment (FraiseQL v1 style: one jsonb input, returns mutation_response).
--
-- Input keys (snake_case): post_id, author_id, content (required);
-- parent_comment_id (optional, a comment on the same post), identifier (optional;
-- defaults to a short slug derived from the new id).
--
-- Statuses:
--   'new'               comment created; entity = v_comment.data (no projection to sync)
--   'failed:validation' missing/blank required key, malformed UUID, or a parent
--                       comment that belongs to another post
--   'failed:not_found'  unknown post, author or parent comment
--   'failed:conflict'   an explicit identifier is already taken
-- Failures never raise: they return entity NULL and error details in metadata.
CREATE OR REPLACE FUNCTION fn_create_comment(input jsonb) RETURNS mutation_response
LANGUAGE plpgsql AS $$
DECLARE
    c_uuid_re          constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
    v_post_id          text;
    v_author_id        text;
    v_parent_id        text;
    v_content          text;
    v_identifier       text;
    v_post_pk          integer;
    v_user_pk          integer;
    v_parent_pk        integer;
    v_parent_post_pk   integer;
    v_id               uuid := gen_random_uuid();
    v_entity           jsonb;
    v_constraint       text;
BEGIN
    IF input IS NULL OR jsonb_typeof(input) <> 'object' THEN
        RETURN ROW('failed:validation', 'input must be a JSON object',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'input', 'type', 'validation'))::mutation_response;
    END IF;

    v_post_id    := nullif(btrim(input->>'post_id'), '');
    v_author_id  := nullif(btrim(input->>'author_id'), '');
    v_parent_id  := nullif(btrim(input->>'parent_comment_id'), '');
    v_content    := nullif(btrim(input->>'content'), '');
    v_identifier := nullif(btrim(input->>'identifier'), '');

    -- Validation: required keys and UUID formats
    IF v_post_id IS NULL THEN
        RETURN ROW('failed:validation', 'post_id is required',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'post_id', 'type', 'validation'))::mutation_response;
    END IF;
    IF v_post_id !~* c_uuid_re THEN
        RETURN ROW('failed:validation', 'post_id must be a UUID',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'post_id', 'type', 'validation'))::mutation_response;
    END IF;
    IF v_author_id IS NULL THEN
        RETURN ROW('failed:validation', 'author_id is required',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'author_id', 'type', 'validation'))::mutation_response;
    END IF;
    IF v_author_id !~* c_uuid_re THEN
        RETURN ROW('failed:validation', 'author_id must be a UUID',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'author_id', 'type', 'validation'))::mutation_response;
    END IF;
    IF v_content IS NULL THEN
        RETURN ROW('failed:validation', 'content is required',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'content', 'type', 'validation'))::mutation_response;
    END IF;
    IF v_parent_id IS NOT NULL AND v_parent_id !~* c_uuid_re THEN
        RETURN ROW('failed:validation', 'parent_comment_id must be a UUID',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('field', 'parent_comment_id', 'type', 'validation'))::mutation_response;
    END IF;

    -- References
    SELECT p.pk_post INTO v_post_pk FROM tb_post p WHERE p.id = v_post_id::uuid;
    IF v_post_pk IS NULL THEN
        RETURN ROW('failed:not_found', 'Post with ID ' || v_post_id || ' not found',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('resource_type', 'Post', 'resource_id', v_post_id,
                                            'field', 'post_id'))::mutation_response;
    END IF;
    SELECT u.pk_user INTO v_user_pk FROM tb_user u WHERE u.id = v_author_id::uuid;
    IF v_user_pk IS NULL THEN
        RETURN ROW('failed:not_found', 'User with ID ' || v_author_id || ' not found',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('resource_type', 'User', 'resource_id', v_author_id,
                                            'field', 'author_id'))::mutation_response;
    END IF;
    IF v_parent_id IS NOT NULL THEN
        SELECT c.pk_comment, c.fk_post INTO v_parent_pk, v_parent_post_pk
        FROM tb_comment c WHERE c.id = v_parent_id::uuid;
        IF v_parent_pk IS NULL THEN
            RETURN ROW('failed:not_found', 'Comment with ID ' || v_parent_id || ' not found',
                       NULL, NULL, NULL, NULL,
                       NULL, jsonb_build_object('resource_type', 'Comment', 'resource_id', v_parent_id,
                                                'field', 'parent_comment_id'))::mutation_response;
        END IF;
        IF v_parent_post_pk <> v_post_pk THEN
            RETURN ROW('failed:validation', 'parent comment belongs to another post',
                       NULL, NULL, NULL, NULL,
                       NULL, jsonb_build_object('field', 'parent_comment_id', 'type', 'validation'))::mutation_response;
        END IF;
    END IF;

    -- Identifier: explicit (must be free) or a short slug derived from the new id
    IF v_identifier IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM tb_comment c WHERE c.identifier = v_identifier) THEN
            RETURN ROW('failed:conflict', 'a comment with identifier ' || v_identifier || ' already exists',
                       NULL, NULL, NULL, NULL,
                       NULL, jsonb_build_object('field', 'identifier', 'type', 'conflict'))::mutation_response;
        END IF;
    ELSE
        v_identifier := 'comment-' || left(replace(v_id::text, '-', ''), 12);
    END IF;

    BEGIN
        INSERT INTO tb_comment (id, identifier, fk_post, fk_user, fk_parent_comment, content)
        VALUES (v_id, v_identifier, v_post_pk, v_user_pk, v_parent_pk, v_content);
    EXCEPTION WHEN unique_violation THEN
        GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
        RETURN ROW('failed:conflict', 'comment already exists',
                   NULL, NULL, NULL, NULL,
                   NULL, jsonb_build_object('constraint', v_constraint, 'type', 'conflict'))::mutation_response;
    END;

    SELECT vc.data INTO v_entity FROM v_comment vc WHERE vc.id = v_id;

    RETURN ROW('new', 'Comment created', v_id::text, 'Comment', v_entity,
               NULL, NULL, NULL)::mutation_response;
END;
$$;
