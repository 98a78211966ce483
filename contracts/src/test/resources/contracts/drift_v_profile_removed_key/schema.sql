CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- Drift: website was removed from v_profile; a nullable field still needs its key.
CREATE VIEW v_profile AS
SELECT p.id,
       jsonb_build_object(
           'id', p.id::text,
           'bio', p.bio,
           'user', vu.data
       ) AS data
FROM tb_profile p
JOIN tb_user u ON u.pk_user = p.fk_user
JOIN v_user vu ON vu.id = u.id;
