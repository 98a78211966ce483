CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object('id', p.id::text, 'view_count', p.view_count, 'created_at', p.created_at) AS data
FROM tb_post p;
