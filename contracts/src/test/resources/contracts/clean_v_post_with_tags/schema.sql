CREATE VIEW v_tag AS
SELECT t.id,
       jsonb_build_object(
           'id', t.id::text,
           'name', t.name
       ) AS data
FROM tb_tag t;

-- Many-to-many through the association table tb_post_tag.
CREATE VIEW v_post_with_tags AS
SELECT p.id,
       jsonb_build_object(
           'id', p.id::text,
           'title', p.title,
           'tags', COALESCE(
               jsonb_agg(vt.data ORDER BY vt.data->>'name')
                   FILTER (WHERE vt.id IS NOT NULL),
               '[]'::jsonb
           )
       ) AS data
FROM tb_post p
LEFT JOIN tb_post_tag pt ON pt.fk_post = p.pk_post
LEFT JOIN tb_tag t ON t.pk_tag = pt.fk_tag
LEFT JOIN v_tag vt ON vt.id = t.id
GROUP BY p.id, p.title;
