ALTER TABLE tb_user ADD COLUMN birthday date;

CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id,
           'name', u.name,
           'email', u.email,
           'uuid', u.id,
           'birthday', u.birthday,
           'created_at', u.created_at
       ) AS data
FROM tb_user u;
