-- Drift under naming: preserve: the view emits display_name, the field reads displayName.
CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'display_name', COALESCE(u.display_name, u.name),
           'avatarUrl', u.avatar_url
       ) AS data
FROM tb_user u;
