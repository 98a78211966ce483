-- Reverts 002_add_post_slug_and_tv_comment: the mutation functions as they were, tv_comment and its sync
-- functions, the views without slug and updated_at (v_post depends on the column), then the column, then the
-- projections.

CREATE OR REPLACE FUNCTION fn_create_post(input jsonb) RETURNS mutation_response
LANGUAGE plpgsql AS $$
DECLARE
    v_author_id     text;
    v_title         text;
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
        INSERT INTO tb_post (id, identifier, fk_user, title, content, excerpt, tags,
                             is_published, published_at)
        VALUES (v_id, v_identifier, v_user_pk, v_title, v_content, v_excerpt, v_tags,
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

    SELECT vc.data INTO v_entity FROM v_comment vc WHERE vc.id = v_id;

    RETURN mutation_created('Comment created', 'Comment', v_id::text, v_entity);
END;
$$;

DROP FUNCTION IF EXISTS fn_sync_tv_comment(uuid);
DROP FUNCTION IF EXISTS sync_tv_comment();
DROP TABLE IF EXISTS tv_comment;

CREATE OR REPLACE VIEW v_user AS
SELECT
    u.id,
    jsonb_build_object(
        'id',         u.id::text,
        'identifier', u.identifier,
        'email',      u.email,
        'username',   u.username,
        'full_name',  u.full_name,
        'bio',        u.bio,
        'avatar_url', u.avatar_url,
        'is_active',  u.is_active,
        'created_at', u.created_at
    ) AS data
FROM tb_user u;

CREATE OR REPLACE VIEW v_post AS
SELECT
    p.id,
    jsonb_build_object(
        'id',           p.id::text,
        'identifier',   p.identifier,
        'title',        p.title,
        'content',      p.content,
        'excerpt',      p.excerpt,
        'tags',         p.tags,
        'is_published', p.is_published,
        'published_at', p.published_at,
        'created_at',   p.created_at,
        'view_count',   p.view_count,
        'author',       vu.data
    ) AS data
FROM tb_post p
JOIN tb_user u ON u.pk_user = p.fk_user
JOIN v_user vu ON vu.id = u.id;

CREATE OR REPLACE VIEW v_comment AS
SELECT
    c.id,
    jsonb_build_object(
        'id',                c.id::text,
        'identifier',        c.identifier,
        'content',           c.content,
        'is_edited',         c.is_edited,
        'created_at',        c.created_at,
        'author',            vu.data,
        'post_id',           p.id::text,
        'parent_comment_id', parent.id::text
    ) AS data
FROM tb_comment c
JOIN tb_post p ON p.pk_post = c.fk_post
JOIN tb_user u ON u.pk_user = c.fk_user
JOIN v_user vu ON vu.id = u.id
LEFT JOIN tb_comment parent ON parent.pk_comment = c.fk_parent_comment;

CREATE OR REPLACE VIEW v_user_with_posts AS
SELECT
    u.id,
    jsonb_build_object(
        'id',         u.id::text,
        'identifier', u.identifier,
        'email',      u.email,
        'username',   u.username,
        'full_name',  u.full_name,
        'bio',        u.bio,
        'avatar_url', u.avatar_url,
        'is_active',  u.is_active,
        'created_at', u.created_at,
        'posts', COALESCE(
            jsonb_agg(vp.data ORDER BY vp.data->>'created_at' DESC)
                FILTER (WHERE vp.id IS NOT NULL),
            '[]'::jsonb
        )
    ) AS data
FROM tb_user u
LEFT JOIN tb_post p ON p.fk_user = u.pk_user
LEFT JOIN v_post vp ON vp.id = p.id
GROUP BY u.pk_user, u.id, u.identifier, u.email, u.username, u.full_name,
         u.bio, u.avatar_url, u.is_active, u.created_at;

ALTER TABLE tb_post DROP COLUMN IF EXISTS slug;

SELECT sync_tv_post();
SELECT sync_tv_user();
