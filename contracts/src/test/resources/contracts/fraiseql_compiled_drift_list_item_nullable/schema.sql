CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'post_titles', (SELECT jsonb_agg(p.published_at) FROM tb_post p WHERE p.fk_user = u.pk_user)
       ) AS data
FROM tb_user u;
