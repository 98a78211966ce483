CREATE VIEW v_user AS
SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name, 'email', u.email) AS data
FROM tb_user u;

CREATE VIEW v_post AS
SELECT p.id, jsonb_build_object('id', p.id::text, 'title', p.title, 'author', vu.data) AS data
FROM tb_post p
JOIN tb_user u ON u.pk_user = p.fk_user
JOIN v_user vu ON vu.id = u.id;

CREATE VIEW v_comment AS
SELECT c.id, jsonb_build_object('id', c.id::text, 'content', c.content) AS data
FROM tb_comment c;

CREATE TYPE mutation_error_class AS ENUM ('validation', 'conflict', 'not_found', 'unauthorized', 'forbidden',
    'internal', 'transaction_failed', 'timeout', 'rate_limited', 'service_unavailable');
CREATE TYPE mutation_response AS (
    succeeded boolean, state_changed boolean, error_class mutation_error_class, status_detail text,
    http_status smallint, message text, entity_id uuid, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, error_detail jsonb, metadata jsonb);

-- Sound: the entity is the new row's v_user.data.
CREATE FUNCTION fn_create_user(p_name text, p_email text, p_bio text) RETURNS mutation_response
LANGUAGE plpgsql AS $$
DECLARE
    v_id uuid;
BEGIN
    INSERT INTO tb_user (identifier, name, email, bio) VALUES (p_email, p_name, p_email, p_bio)
    RETURNING id INTO v_id;
    RETURN ROW(true, true, NULL, 'created', 201, 'created', v_id, 'User',
               (SELECT data FROM v_user WHERE id = v_id), NULL, NULL, NULL, NULL)::mutation_response;
END;
$$;

-- Drift: the entity is built by hand, with the title under another key.
CREATE FUNCTION fn_create_post(p_author_id uuid, p_title text, p_content text) RETURNS mutation_response
LANGUAGE plpgsql AS $$
DECLARE
    v_id uuid;
BEGIN
    INSERT INTO tb_post (fk_user, title, content)
    SELECT u.pk_user, p_title, p_content FROM tb_user u WHERE u.id = p_author_id
    RETURNING id INTO v_id;
    RETURN ROW(true, true, NULL, 'created', 201, 'created', v_id, 'Post',
               jsonb_build_object('id', v_id::text, 'headline', p_title,
                                  'author', (SELECT data FROM v_user WHERE id = p_author_id)),
               NULL, NULL, NULL, NULL)::mutation_response;
END;
$$;

-- Raises: the insert forgets the NOT NULL identifier.
CREATE FUNCTION fn_register_user(p_name text, p_email text, p_bio text) RETURNS mutation_response
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tb_user (name, email, bio) VALUES (p_name, p_email, p_bio);
    RETURN ROW(true, true, NULL, 'created', 201, 'created', NULL, 'User', NULL, NULL, NULL, NULL,
               NULL)::mutation_response;
END;
$$;

-- Needs a post, and there is none: no valid input.
CREATE FUNCTION fn_create_comment(p_post_id uuid, p_content text) RETURNS mutation_response
LANGUAGE sql AS $$
    SELECT ROW(true, true, NULL, 'created', 201, 'created', NULL, 'Comment', NULL, NULL, NULL, NULL,
               NULL)::mutation_response;
$$;

INSERT INTO tb_user (id, identifier, name, email) VALUES
    ('00000000-0000-0000-0000-000000000002', 'bob', 'Bob', 'bob@example.com'),
    ('00000000-0000-0000-0000-000000000001', 'ada', 'Ada', 'ada@example.com');
