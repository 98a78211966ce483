-- Mutation createPost (FraiseQL v1 style: one jsonb input, returns mutation_response).
--
-- Input keys (snake_case): author_id (UUID of the user), title, slug (lowercase letters and
-- digits in hyphen-separated words, e.g. getting-started-fraiseql), content (required);
-- excerpt, tags (JSON array of strings), is_published (boolean, default false),
-- identifier (optional; defaults to a slug of the title).
--
-- Statuses:
--   'new'               post created; entity = v_post.data, tv_post synced
--   'failed:validation' missing/blank required key or malformed value
--   'failed:not_found'  no user with id author_id
--   'failed:conflict'   the slug, or an explicit identifier, is already taken
-- Failures never raise: they return entity NULL and error details in metadata.
-- Results are built with the mutation_* helpers in 05_types/10_mutation_helpers.sql.
CREATE OR REPLACE FUNCTION fn_create_post(input jsonb) RETURNS mutation_response
LANGUAGE plpgsql AS $$
DECLARE
    v_author_id     text;
    v_title         text;
    v_slug          text;
    v_content       text;
    v_excerpt       text;
    v_tags_json     jsonb;
    v_tags          text[] := '{}';
    v_published     jsonb;
    v_is_published  boolean := false;
    v_identifier    text;
    v_user_pk       integer;
    v_id            uuid := gen_random_uuid();
    v_entity        jsonb;
    v_constraint    text;
BEGIN
    IF input IS NULL OR jsonb_typeof(input) <> 'object' THEN
        RETURN mutation_validation_error('input', 'input must be a JSON object');
    END IF;

    v_author_id  := nullif(btrim(input->>'author_id'), '');
    v_title      := nullif(btrim(input->>'title'), '');
    v_slug       := nullif(btrim(input->>'slug'), '');
    v_content    := nullif(btrim(input->>'content'), '');
    v_excerpt    := input->>'excerpt';
    v_tags_json  := input->'tags';
    v_published  := input->'is_published';
    v_identifier := nullif(btrim(input->>'identifier'), '');

    -- Validation: required keys
    IF v_author_id IS NULL THEN
        RETURN mutation_validation_error('author_id', 'author_id is required');
    END IF;
    IF v_author_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN mutation_validation_error('author_id', 'author_id must be a UUID');
    END IF;
    IF v_title IS NULL THEN
        RETURN mutation_validation_error('title', 'title is required');
    END IF;
    IF v_slug IS NULL THEN
        RETURN mutation_validation_error('slug', 'slug is required');
    END IF;
    IF v_slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$' THEN
        RETURN mutation_validation_error('slug', 'slug must be lowercase letters and digits separated by hyphens');
    END IF;
    IF v_content IS NULL THEN
        RETURN mutation_validation_error('content', 'content is required');
    END IF;

    -- Validation: optional keys
    IF v_tags_json IS NOT NULL AND jsonb_typeof(v_tags_json) <> 'null' THEN
        IF jsonb_typeof(v_tags_json) <> 'array'
           OR EXISTS (SELECT 1 FROM jsonb_array_elements(v_tags_json) t(e)
                      WHERE jsonb_typeof(t.e) <> 'string') THEN
            RETURN mutation_validation_error('tags', 'tags must be an array of strings');
        END IF;
        v_tags := ARRAY(SELECT jsonb_array_elements_text(v_tags_json));
    END IF;
    IF v_published IS NOT NULL AND jsonb_typeof(v_published) <> 'null' THEN
        IF jsonb_typeof(v_published) <> 'boolean' THEN
            RETURN mutation_validation_error('is_published', 'is_published must be a boolean');
        END IF;
        v_is_published := (v_published #>> '{}')::boolean;
    END IF;

    -- References
    SELECT u.pk_user INTO v_user_pk FROM tb_user u WHERE u.id = v_author_id::uuid;
    IF v_user_pk IS NULL THEN
        RETURN mutation_not_found('User', v_author_id, 'author_id');
    END IF;

    -- Conflicts (checked before insert)
    IF EXISTS (SELECT 1 FROM tb_post p WHERE p.slug = v_slug) THEN
        RETURN mutation_conflict('slug', 'a post with slug ' || v_slug || ' already exists');
    END IF;

    -- Identifier: explicit (must be free) or derived from the title (made unique)
    IF v_identifier IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM tb_post p WHERE p.identifier = v_identifier) THEN
            RETURN mutation_conflict('identifier', 'a post with identifier ' || v_identifier || ' already exists');
        END IF;
    ELSE
        v_identifier := btrim(lower(regexp_replace(v_title, '[^a-zA-Z0-9]+', '-', 'g')), '-');
        IF v_identifier = '' THEN
            v_identifier := 'post';
        END IF;
        IF EXISTS (SELECT 1 FROM tb_post p WHERE p.identifier = v_identifier) THEN
            v_identifier := v_identifier || '-' || left(replace(v_id::text, '-', ''), 8);
        END IF;
    END IF;

    BEGIN
        INSERT INTO tb_post (id, identifier, fk_user, title, slug, content, excerpt, tags,
                             is_published, published_at)
        VALUES (v_id, v_identifier, v_user_pk, v_title, v_slug, v_content, v_excerpt, v_tags,
                v_is_published, CASE WHEN v_is_published THEN now() END);
    EXCEPTION WHEN unique_violation THEN
        GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
        RETURN mutation_error('conflict', 'post already exists', jsonb_build_object('constraint', v_constraint, 'type', 'conflict'));
    END;

    PERFORM fn_sync_tv_post(v_id);

    SELECT vp.data INTO v_entity FROM v_post vp WHERE vp.id = v_id;

    RETURN mutation_created('Post created', 'Post', v_id::text, v_entity);
END;
$$;
