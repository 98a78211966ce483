CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- Drift: the profile's user is LEFT JOINed.
CREATE VIEW v_profile AS
SELECT p.id,
       jsonb_build_object(
           'id', p.id::text,
           'bio', p.bio,
           'website', p.website,
           'user', vu.data
       ) AS data
FROM tb_profile p
LEFT JOIN tb_user u ON u.pk_user = p.fk_user
LEFT JOIN v_user vu ON vu.id = u.id;
