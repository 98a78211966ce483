-- data is NULL for inactive users (CASE without ELSE): a row without a User.
CREATE VIEW v_user AS
SELECT u.id,
       CASE WHEN u.is_active THEN jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) END AS data
FROM tb_user u;
