-- A read model whose JSON column is not called data, bound with @sqlSource(jsonbColumn:).
CREATE VIEW v_post_card AS
SELECT p.id,
       jsonb_build_object('id', p.id::text, 'title', p.title, 'view_count', p.view_count) AS payload
FROM tb_post p;
