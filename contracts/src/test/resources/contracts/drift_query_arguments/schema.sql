-- Query arguments FraiseQL filters on: columns of the view (id, tenant-like fk columns) and keys of its data.
CREATE VIEW v_post AS
SELECT p.id,
       u.id AS author_id,
       p.is_published,
       jsonb_build_object(
           'id', p.id::text,
           'title', p.title,
           'view_count', p.view_count,
           'author_name', u.name
       ) AS data
FROM tb_post p
JOIN tb_user u ON u.pk_user = p.fk_user;
