-- Read side: User (GraphQL type User, sql_source v_user).
-- pk_user is never exposed; JSON keys are snake_case.
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
        'created_at', u.created_at,
        'updated_at', u.updated_at
    ) AS data
FROM tb_user u;
