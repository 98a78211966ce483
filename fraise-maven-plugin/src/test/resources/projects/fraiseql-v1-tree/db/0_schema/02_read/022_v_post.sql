CREATE VIEW app.v_post AS
SELECT p.id,
       jsonb_build_object('id', p.id::text, 'title', p.title, 'subtitle', p.subtitle, 'author', vu.data) AS data
FROM app.tb_post p
JOIN app.tb_user u ON u.pk_user = p.fk_author
JOIN app.v_user vu ON vu.id = u.id;
