-- A project whose views emit the GraphQL field names themselves (naming: preserve).
CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'displayName', COALESCE(u.display_name, u.name),
           'avatarUrl', u.avatar_url
       ) AS data
FROM tb_user u;
