-- Conditional fields: nullable columns, a COALESCEd computed field and a conditional object.
CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email,
           -- Only include if not null
           'bio', u.bio,
           'avatar_url', u.avatar_url,
           -- Computed field
           'display_name', COALESCE(u.display_name, u.name),
           -- Conditional object
           'settings', CASE
               WHEN us.pk_user_settings IS NOT NULL THEN jsonb_build_object(
                   'theme', us.theme,
                   'notifications', us.notifications_enabled
               )
               ELSE NULL
           END
       ) AS data
FROM tb_user u
LEFT JOIN tb_user_settings us ON us.fk_user = u.pk_user;
