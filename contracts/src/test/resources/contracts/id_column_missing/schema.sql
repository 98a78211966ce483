-- The filter column is called user_id, not id: FraiseQL filters on id (a warning; data is still checked).
CREATE VIEW v_user AS
SELECT u.id AS user_id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;
