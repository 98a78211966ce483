-- Mutation createComment (FraiseQL v1 style: one jsonb input, returns mutation_response).
--
-- Input keys (snake_case): post_id, author_id, content (required);
-- parent_comment_id (optional, a comment on the same post), identifier (optional;
-- defaults to a short slug derived from the new id).
--
-- Statuses:
--   'new'               comment created; entity = v_comment.data, tv_comment synced
--   'failed:validation' missing/blank required key, malformed UUID, or a parent
--                       comment that belongs to another post
--   'failed:not_found'  unknown post, author or parent comment
--   'failed:conflict'   an explicit identifier is already taken
-- Failures never raise: they return entity NULL and error details in metadata.
-- Results are built with the mutation_* helpers in 05_types/10_mutation_helpers.sql.
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
        RETURN mutation_validation_error('input', 'input must be a JSON object');
    END IF;

    v_post_id    := nullif(btrim(input->>'post_id'), '');
    v_author_id  := nullif(btrim(input->>'author_id'), '');
    v_parent_id  := nullif(btrim(input->>'parent_comment_id'), '');
    v_content    := nullif(btrim(input->>'content'), '');
    v_identifier := nullif(btrim(input->>'identifier'), '');

    -- Validation: required keys and UUID formats
    IF v_post_id IS NULL THEN
        RETURN mutation_validation_error('post_id', 'post_id is required');
    END IF;
    IF v_post_id !~* c_uuid_re THEN
        RETURN mutation_validation_error('post_id', 'post_id must be a UUID');
    END IF;
    IF v_author_id IS NULL THEN
        RETURN mutation_validation_error('author_id', 'author_id is required');
    END IF;
    IF v_author_id !~* c_uuid_re THEN
        RETURN mutation_validation_error('author_id', 'author_id must be a UUID');
    END IF;
    IF v_content IS NULL THEN
        RETURN mutation_validation_error('content', 'content is required');
    END IF;
    IF v_parent_id IS NOT NULL AND v_parent_id !~* c_uuid_re THEN
        RETURN mutation_validation_error('parent_comment_id', 'parent_comment_id must be a UUID');
    END IF;

    -- References
    SELECT p.pk_post INTO v_post_pk FROM tb_post p WHERE p.id = v_post_id::uuid;
    IF v_post_pk IS NULL THEN
        RETURN mutation_not_found('Post', v_post_id, 'post_id');
    END IF;
    SELECT u.pk_user INTO v_user_pk FROM tb_user u WHERE u.id = v_author_id::uuid;
    IF v_user_pk IS NULL THEN
        RETURN mutation_not_found('User', v_author_id, 'author_id');
    END IF;
    IF v_parent_id IS NOT NULL THEN
        SELECT c.pk_comment, c.fk_post INTO v_parent_pk, v_parent_post_pk
        FROM tb_comment c WHERE c.id = v_parent_id::uuid;
        IF v_parent_pk IS NULL THEN
            RETURN mutation_not_found('Comment', v_parent_id, 'parent_comment_id');
        END IF;
        IF v_parent_post_pk <> v_post_pk THEN
            RETURN mutation_validation_error('parent_comment_id', 'parent comment belongs to another post');
        END IF;
    END IF;

    -- Identifier: explicit (must be free) or a short slug derived from the new id
    IF v_identifier IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM tb_comment c WHERE c.identifier = v_identifier) THEN
            RETURN mutation_conflict('identifier', 'a comment with identifier ' || v_identifier || ' already exists');
        END IF;
    ELSE
        v_identifier := 'comment-' || left(replace(v_id::text, '-', ''), 12);
    END IF;

    BEGIN
        INSERT INTO tb_comment (id, identifier, fk_post, fk_user, fk_parent_comment, content)
        VALUES (v_id, v_identifier, v_post_pk, v_user_pk, v_parent_pk, v_content);
    EXCEPTION WHEN unique_violation THEN
        GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
        RETURN mutation_error('conflict', 'comment already exists', jsonb_build_object('constraint', v_constraint, 'type', 'conflict'));
    END;

    PERFORM fn_sync_tv_comment(v_id);

    SELECT vc.data INTO v_entity FROM v_comment vc WHERE vc.id = v_id;

    RETURN mutation_created('Comment created', 'Comment', v_id::text, v_entity);
END;
$$;
