-- Drift: the email key was removed from v_user.
CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name
       ) AS data
FROM tb_user u;
