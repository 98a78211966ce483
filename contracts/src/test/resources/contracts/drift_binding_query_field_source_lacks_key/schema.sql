CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- An older view without email.
CREATE VIEW v_user_legacy AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name
       ) AS data
FROM tb_user u;
