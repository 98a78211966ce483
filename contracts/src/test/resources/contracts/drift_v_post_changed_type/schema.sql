CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- Drift: author is now the author's name, not v_user.data.
CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object(
           'id', p.id::text,
           'title', p.title,
           'content', p.content,
           'author', u.name
       ) AS data
FROM tb_post p
JOIN tb_user u ON u.pk_user = p.fk_user;
